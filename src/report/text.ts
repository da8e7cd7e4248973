import { severityRank, type Finding, type Severity } from '../core/finding.js'
import { describeCounts } from './counts.js'
import { formatPlace } from './place.js'
import type { FormatOptions, ReportInput } from './report-input.js'

const colors: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' }
const reset = '\u001b[0m'
const dim = '\u001b[2m'

/** API findings group by operation; database findings by migration file, read top to bottom. */
function groupName(finding: Finding): string {
  return finding.operation ?? finding.location.file
}

const worst = (findings: ReadonlyArray<Finding>): number => Math.max(...findings.map((f) => severityRank(f.severity)))

/**
 * Findings grouped by operation (API) or migration file (database). Operations with errors come
 * first and, inside an operation, errors before warnings; a migration file keeps statement order.
 */
export function formatText(input: ReportInput, options: FormatOptions): string {
  const paint = (s: Severity, text: string): string => (options.color ? `${colors[s]}${text}${reset}` : text)
  const faint = (text: string): string => (options.color ? `${dim}${text}${reset}` : text)
  const groups = new Map<string, Finding[]>()
  for (const finding of input.findings) {
    const name = groupName(finding)
    const list = groups.get(name) ?? []
    list.push(finding)
    groups.set(name, list)
  }
  const isApi = (findings: ReadonlyArray<Finding>): boolean => findings[0]?.operation !== undefined
  const ordered = [...groups].sort(([a, x], [b, y]) => {
    if (isApi(x) !== isApi(y)) return isApi(x) ? -1 : 1
    if (!isApi(x)) return 0 // files keep the stable finding order
    return worst(y) - worst(x) || (a < b ? -1 : a > b ? 1 : 0)
  })
  const lines: string[] = []
  for (const [name, group] of ordered) {
    const findings = isApi(group)
      ? [...group].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
      : group
    lines.push(name)
    for (const f of findings) {
      lines.push(`  ${paint(f.severity, f.severity.padEnd(7))} ${f.message}  ${faint(`[${f.rule}]`)}`)
      lines.push(`          ${faint(formatPlace(f.location))}`)
    }
    lines.push('')
  }
  lines.push(`${input.title}: ${input.failed ? 'FAIL' : 'OK'} (${describeCounts(input.summary)})`)
  return `${lines.join('\n')}\n`
}
