import type { Finding, Severity } from '../core/finding.js'
import { describeCounts } from './counts.js'
import { formatPlace } from './place.js'
import type { FormatOptions, ReportInput } from './report-input.js'

const colors: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' }
const reset = '\u001b[0m'
const dim = '\u001b[2m'

function groupName(finding: Finding): string {
  return finding.operation ?? finding.object ?? finding.location.file
}

/** Findings grouped by operation (API) or object (database), groups in first-appearance order. */
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
  const lines: string[] = []
  for (const [name, findings] of groups) {
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
