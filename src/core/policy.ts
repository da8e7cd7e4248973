import type { Finding, Severity } from './finding.js'
import { severityRank } from './finding.js'

export type FailOn = Severity | 'never'

/** An accepted finding: matched by rule id plus operation or object, never by message text. */
export interface Ignore {
  readonly rule: string
  /** `GET /pets/{}`; omitted matches every operation. */
  readonly operation?: string
  /** `public.users.email`; omitted matches every object. */
  readonly object?: string
  readonly reason: string
  /** `YYYY-MM-DD`: from this day on the ignore stops applying. */
  readonly expires?: string
}

export interface Policy {
  readonly failOn: FailOn
  /** Rule id (or alias) → severity, or `off` to drop the rule's findings. */
  readonly severity: Readonly<Record<string, Severity | 'off'>>
  readonly ignores: ReadonlyArray<Ignore>
}

export const defaultPolicy: Policy = { failOn: 'error', severity: {}, ignores: [] }

export interface PolicyResult {
  readonly findings: ReadonlyArray<Finding>
  /** Findings an ignore accepted, kept for the summary. */
  readonly ignored: number
  /** Ignores past their expiry date, to be warned about. */
  readonly expired: ReadonlyArray<Ignore>
}

function matches(ignore: Ignore, finding: Finding, resolveId: (id: string) => string): boolean {
  if (resolveId(ignore.rule) !== finding.rule) return false
  if (ignore.operation !== undefined && ignore.operation !== finding.operation) return false
  if (ignore.object !== undefined && ignore.object !== finding.object) return false
  return true
}

function severityOverrides(policy: Policy, resolveId: (id: string) => string): ReadonlyMap<string, Severity | 'off'> {
  return new Map(Object.entries(policy.severity).map(([id, s]) => [resolveId(id), s] as const))
}

/** A rule turned `off`, or an opt-in rule the policy does not name: its findings are dropped. */
function isDropped(override: Severity | 'off' | undefined, optIn: boolean): boolean {
  return override === 'off' || (override === undefined && optIn)
}

/**
 * The rules whose findings `applyPolicy` keeps: running only these gives the same report, without
 * the work of rules it would drop.
 *
 * @example
 * activeRules(rulesOf('db'), defaultPolicy) // every db rule except the opt-in ones
 */
export function activeRules<R extends { readonly id: string; readonly optIn?: boolean }>(
  rules: ReadonlyArray<R>,
  policy: Policy,
  resolveId: (id: string) => string = (id) => id,
): ReadonlyArray<R> {
  const overrides = severityOverrides(policy, resolveId)
  return rules.filter((rule) => !isDropped(overrides.get(rule.id), rule.optIn === true))
}

/**
 * Applies severity overrides and ignores. `today` (`YYYY-MM-DD`) decides which ignores expired;
 * `resolveId` maps an alias to the current rule id; findings of opt-in rules (`isOptIn`) are kept
 * only when the policy names the rule.
 */
export function applyPolicy(
  findings: ReadonlyArray<Finding>,
  policy: Policy,
  today: string,
  resolveId: (id: string) => string = (id) => id,
  isOptIn: (id: string) => boolean = () => false,
): PolicyResult {
  const overrides = severityOverrides(policy, resolveId)
  const live = policy.ignores.filter((i) => i.expires === undefined || i.expires > today)
  const expired = policy.ignores.filter((i) => i.expires !== undefined && i.expires <= today)
  let ignored = 0
  const kept: Finding[] = []
  for (const finding of findings) {
    const override = overrides.get(finding.rule)
    if (isDropped(override, isOptIn(finding.rule))) continue
    if (live.some((i) => matches(i, finding, resolveId))) {
      ignored++
      continue
    }
    kept.push(override === undefined || override === 'off' ? finding : { ...finding, severity: override })
  }
  return { findings: kept, ignored, expired }
}

/** True when some finding is at or above the `failOn` threshold. */
export function fails(findings: ReadonlyArray<Finding>, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  const threshold = severityRank(failOn)
  return findings.some((f) => severityRank(f.severity) >= threshold)
}

export interface Summary {
  readonly error: number
  readonly warning: number
  readonly info: number
  readonly ignored: number
}

export function summarize(findings: ReadonlyArray<Finding>, ignored = 0): Summary {
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length
  return { error: count('error'), warning: count('warning'), info: count('info'), ignored }
}
