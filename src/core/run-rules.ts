import type { Finding, Location } from './finding.js'
import { sortFindings } from './finding.js'
import type { AnyChange, ChangeKind, Report, Rule, RuleContext } from './rule.js'
import type { Locate } from './source-ref.js'

export interface RunOptions {
  readonly context: RuleContext
  /** Resolves line and column for places given as JSON pointers. */
  readonly locate?: Locate
}

/** Any rule of either area: `check` is only ever called with a change of a kind the rule is on. */
type AnyRule = Omit<Rule<ChangeKind>, 'check'> & {
  check(change: never, report: (finding: Report) => void, context: RuleContext): void
}

const indexes = new WeakMap<ReadonlyArray<AnyRule>, ReadonlyMap<string, ReadonlyArray<AnyRule>>>()

/** Rules by the change kind they subscribe to; built once per rule list (db checks call this per file). */
function indexRules(rules: ReadonlyArray<AnyRule>): ReadonlyMap<string, ReadonlyArray<AnyRule>> {
  const known = indexes.get(rules)
  if (known !== undefined) return known
  const byKind = new Map<string, AnyRule[]>()
  for (const rule of rules) {
    for (const kind of rule.on) {
      const list = byKind.get(kind) ?? []
      list.push(rule)
      byKind.set(kind, list)
    }
  }
  indexes.set(rules, byKind)
  return byKind
}

/**
 * Runs every rule subscribed to each change's kind and direction, and returns the findings in
 * the stable order. The same rule reporting the same message at the same place for the same
 * operation twice (a shared schema reached along two paths that read alike, such as one body schema
 * under two media types) gives one finding. Two facts at one place stay two findings: the enum
 * values `saml` and `captcha` added to one enum, or one shared schema's change seen in the
 * responses 200 and 400.
 */
export function runRules(
  changes: ReadonlyArray<AnyChange>,
  rules: ReadonlyArray<AnyRule>,
  options: RunOptions,
): ReadonlyArray<Finding> {
  const byKind = indexRules(rules)
  const seen = new Set<string>()
  const findings: Finding[] = []
  for (const change of changes) {
    const subscribed = byKind.get(change.kind)
    if (subscribed === undefined) continue
    for (const rule of subscribed) {
      if (rule.direction !== change.direction) continue
      const report = (r: Report): void => {
        const operation = r.operation ?? ('operation' in change ? change.operation : undefined)
        const at = r.at
        const key = `${rule.id}\u0000${operation ?? ''}\u0000${r.message}\u0000${r.object ?? ''}\u0000${at.file}\u0000${at.pointer ?? ''}\u0000${at.line ?? ''}\u0000${at.column ?? ''}\u0000${at.revision ?? ''}`
        if (seen.has(key)) return
        seen.add(key)
        const place = at.line === undefined ? options.locate?.(at) : undefined
        const line = at.line ?? place?.line
        const column = at.column ?? place?.column
        // Built field by field, not by spreading: thousands of findings per run, and the key order is the JSON output's.
        const location: { -readonly [K in keyof Location]: Location[K] } = { file: at.file }
        if (line !== undefined) location.line = line
        if (column !== undefined) location.column = column
        if (at.pointer !== undefined) location.pointer = at.pointer
        if (at.revision !== undefined) location.revision = at.revision
        const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
          rule: rule.id,
          severity: rule.severity,
          message: r.message,
          area: rule.area,
          location,
        }
        if (operation !== undefined) finding.operation = operation
        if (r.object !== undefined) finding.object = r.object
        finding.fix = rule.safe
        findings.push(finding)
      }
      rule.check(change as never, report, options.context)
    }
  }
  return sortFindings(findings)
}
