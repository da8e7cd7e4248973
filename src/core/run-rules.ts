import type { Finding } from './finding.js'
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

function indexRules(rules: ReadonlyArray<AnyRule>): Map<string, AnyRule[]> {
  const byKind = new Map<string, AnyRule[]>()
  for (const rule of rules) {
    for (const kind of rule.on) {
      const list = byKind.get(kind) ?? []
      list.push(rule)
      byKind.set(kind, list)
    }
  }
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
    for (const rule of byKind.get(change.kind) ?? []) {
      if (rule.direction !== change.direction) continue
      const report = (r: Report): void => {
        const operation = r.operation ?? ('operation' in change ? change.operation : undefined)
        const key = [rule.id, operation, r.message, r.object, r.at.file, r.at.pointer, r.at.line, r.at.column, r.at.revision].join('\u0000')
        if (seen.has(key)) return
        seen.add(key)
        const place = r.at.line === undefined ? options.locate?.(r.at) : undefined
        const line = r.at.line ?? place?.line
        const column = r.at.column ?? place?.column
        findings.push({
          rule: rule.id,
          severity: rule.severity,
          message: r.message,
          area: rule.area,
          location: {
            file: r.at.file,
            ...(line === undefined ? {} : { line }),
            ...(column === undefined ? {} : { column }),
            ...(r.at.pointer === undefined ? {} : { pointer: r.at.pointer }),
            ...(r.at.revision === undefined ? {} : { revision: r.at.revision }),
          },
          ...(operation === undefined ? {} : { operation }),
          ...(r.object === undefined ? {} : { object: r.object }),
          fix: rule.safe,
        })
      }
      rule.check(change as never, report, options.context)
    }
  }
  return sortFindings(findings)
}
