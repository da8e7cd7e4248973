import type { Finding } from './finding.js'
import { sortFindings } from './finding.js'
import type { AnyChange, ChangeKind, Report, Rule, RuleContext } from './rule.js'
import type { Locate } from './source-ref.js'

export interface RunOptions {
  readonly context: RuleContext
  /** Resolves line and column for places given as JSON pointers. */
  readonly locate?: Locate
}

type AnyRule = Rule<ChangeKind>

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
 * the stable order. The same rule reporting the same place for the same operation twice (a shared
 * schema reached along two paths) gives one finding.
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
        const key = `${rule.id}\u0000${operation ?? ''}\u0000${r.object ?? ''}\u0000${at.file}\u0000${at.pointer ?? ''}\u0000${at.line ?? ''}\u0000${at.column ?? ''}`
        if (seen.has(key)) return
        seen.add(key)
        const place = at.line === undefined ? options.locate?.(at) : undefined
        const line = at.line ?? place?.line
        const column = at.column ?? place?.column
        // Built field by field, not by spreading: thousands of findings per run, and the key order is the JSON output's.
        const location: { file: string; line?: number; column?: number; pointer?: string } = { file: at.file }
        if (line !== undefined) location.line = line
        if (column !== undefined) location.column = column
        if (at.pointer !== undefined) location.pointer = at.pointer
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
