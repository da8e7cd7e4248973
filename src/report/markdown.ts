import type { Finding } from '../core/finding.js'
import type { ReportInput } from './report-input.js'

const icon = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function place(f: Finding): string {
  return f.location.line === undefined ? f.location.file : `${f.location.file}:${f.location.line}`
}

/** A pull-request comment: the verdict first, a table of errors and warnings, the rest collapsed. */
export function formatMarkdown(input: ReportInput): string {
  const { error, warning, info, ignored } = input.summary
  const verdict = input.failed ? '❌ **rollsafe: not safe to roll out**' : '✅ **rollsafe: safe to roll out**'
  const out = [
    `${verdict} — ${input.title}`,
    '',
    `${error} error(s), ${warning} warning(s), ${info} info${ignored ? `, ${ignored} ignored` : ''}`,
    '',
  ]
  const table = (rows: ReadonlyArray<Finding>): string[] => [
    '| | rule | finding | where |',
    '|---|---|---|---|',
    ...rows.map((f) => `| ${icon[f.severity]} | \`${f.rule}\` | ${cell(f.message)} | ${cell(place(f))} |`),
  ]
  const serious = input.findings.filter((f) => f.severity !== 'info')
  const rest = input.findings.filter((f) => f.severity === 'info')
  if (serious.length > 0) out.push(...table(serious), '')
  if (rest.length > 0) {
    out.push(`<details><summary>${rest.length} informational change(s)</summary>`, '', ...table(rest), '', '</details>', '')
  }
  const fixes = new Map(serious.filter((f) => f.fix).map((f) => [f.rule, f.fix ?? '']))
  if (fixes.size > 0) {
    out.push('<details><summary>How to make these changes safely</summary>', '')
    for (const [rule, fix] of fixes) out.push(`- \`${rule}\`: ${fix}`)
    out.push('', '</details>', '')
  }
  return `${out.join('\n')}`
}
