import type { RuleMeta } from './rule.js'
import type { RuleExample } from './rule-examples.js'

function fence(name: string): string {
  return name.endsWith('.sql') ? 'sql' : name.endsWith('.json') ? 'json' : 'yaml'
}

/** The docs page of a rule (`docs/rules/<id>.md`, `rollsafe explain`), made from its metadata. */
export function renderRuleDoc(rule: RuleMeta, examples: ReadonlyArray<RuleExample> = []): string {
  const lines = [
    `# ${rule.id}`,
    '',
    `${rule.summary}`,
    '',
    `- area: ${rule.area}${rule.direction === 'none' ? '' : ` (${rule.direction})`}`,
    `- default severity: ${rule.severity}`,
  ]
  if (rule.optIn) lines.push('- opt-in: reported only when the config names it (`rules: { ' + rule.id + ': warning }`)')
  if (rule.aliases?.length) lines.push(`- former ids: ${rule.aliases.join(', ')}`)
  lines.push('', '## Why it matters', '', rule.why, '', '## The safe way', '', rule.safe, '')
  if (rule.seeAlso?.length) lines.push('## See also', '', ...rule.seeAlso.map((s) => `- ${s}`), '')
  for (const example of examples) {
    lines.push(`## Example: ${example.name}`, '')
    for (const file of example.files) {
      lines.push(`\`${file.name}\``, '', '```' + fence(file.name), file.text.trimEnd(), '```', '')
    }
    lines.push('Findings:', '', '```json', example.expected.trimEnd(), '```', '')
  }
  return lines.join('\n')
}
