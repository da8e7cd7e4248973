import type { Finding } from '../core/finding.js'
import { applyPolicy, defaultPolicy, fails, summarize, type Policy } from '../core/policy.js'
import { resolveRuleId } from '../core/registry.js'
import { render } from '../report/format.js'
import type { CommonOptions } from './common-options.js'
import { today } from './today.js'

/** Applies the policy, prints the report to stdout and returns the exit code (0 or 1). */
export function finish(
  findings: ReadonlyArray<Finding>,
  title: string,
  options: CommonOptions,
  policy: Policy = defaultPolicy,
): number {
  const result = applyPolicy(findings, policy, today(), resolveRuleId)
  for (const ignore of result.expired) {
    process.stderr.write(`rollsafe: warning: the ignore of ${ignore.rule} expired on ${ignore.expires}\n`)
  }
  const failOn = options.failOn ?? policy.failOn
  const failed = fails(result.findings, failOn)
  const input = { findings: result.findings, summary: summarize(result.findings, result.ignored), title, failed }
  process.stdout.write(render(options.format, input, { color: options.color }))
  return failed ? 1 : 0
}
