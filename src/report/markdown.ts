import type { Finding } from '../core/finding.js'
import { describeCounts } from './counts.js'
import { formatPlace } from './place.js'
import type { ReportInput } from './report-input.js'

const icon = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const

/** One line of inline markdown: outside code spans, `<` and `&` would be read as HTML. */
function inline(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('')
}

/** A table cell: inline markdown whose pipes do not end the cell (GFM honours `\|` in code spans too). */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|')
}

/** A pull-request comment: the verdict first, a table of errors and warnings, the rest collapsed. */
export function formatMarkdown(input: ReportInput): string {
  const verdict = input.failed ? '❌ **rollsafe: not safe to roll out**' : '✅ **rollsafe: safe to roll out**'
  const out = [`${verdict} — ${inline(input.title)}`, '', describeCounts(input.summary), '']
  const table = (rows: ReadonlyArray<Finding>): string[] => [
    '| | rule | finding | where |',
    '|---|---|---|---|',
    ...rows.map(
      (f) => `| ${icon[f.severity]} | \`${f.rule}\` | ${cell(f.message)} | ${cell(formatPlace(f.location))} |`,
    ),
  ]
  const serious = input.findings.filter((f) => f.severity !== 'info')
  const rest = input.findings.filter((f) => f.severity === 'info')
  if (serious.length > 0) out.push(...table(serious), '')
  if (rest.length > 0) {
    out.push(
      `<details><summary>${rest.length} informational change(s)</summary>`,
      '',
      ...table(rest),
      '',
      '</details>',
      '',
    )
  }
  const fixes = new Map(serious.filter((f) => f.fix).map((f) => [f.rule, f.fix ?? '']))
  if (fixes.size > 0) {
    out.push('<details><summary>How to make these changes safely</summary>', '')
    for (const [rule, fix] of fixes) out.push(`- \`${rule}\`: ${inline(fix)}`)
    out.push('', '</details>', '')
  }
  return `${out.join('\n')}`
}
