import type { Finding } from '../core/finding.js'
import { rulesOf } from '../core/registry.js'
import type { ChangeKind, Rule } from '../core/rule.js'
import { runRules } from '../core/run-rules.js'
import { diffApi } from './diff-api.js'
import { loadApi, type LoadApiOptions } from './load-api.js'

export interface CheckApiOptions extends LoadApiOptions {
  /** `YYYY-MM-DD`, for sunset dates. */
  readonly today: string
  /** The rules to run; every API rule when omitted. */
  readonly rules?: ReadonlyArray<Rule<ChangeKind>>
}

/**
 * Is NEW a backward-compatible superset of OLD? Returns every finding, before policy.
 *
 * @example
 * const findings = await checkApi('v1.yaml', 'v2.yaml', { today: '2026-01-01' })
 */
export async function checkApi(oldFile: string, newFile: string, options: CheckApiOptions): Promise<ReadonlyArray<Finding>> {
  const [before, after] = await Promise.all([loadApi(oldFile, options), loadApi(newFile, options)])
  const changes = diffApi(before, after)
  return runRules(changes, options.rules ?? rulesOf('api'), {
    context: { today: options.today },
    locate: (ref) => after.locate(ref) ?? before.locate(ref),
  })
}
