import { InputError } from '../core/errors.js'
import { allRules, findRule } from '../core/registry.js'
import { renderRuleDoc } from '../core/rule-docs.js'
import { writeStdout } from './stdout.js'

/** `rollsafe rules`: one line per rule — id, area, default severity, summary. */
export function rulesCommand(argv: ReadonlyArray<string>): number {
  const area = argv[0]
  const shown = allRules.filter((r) => area === undefined || r.area === area)
  const width = Math.max(...shown.map((r) => r.id.length), 4)
  for (const rule of shown) {
    writeStdout(`${rule.id.padEnd(width)}  ${rule.area}  ${rule.severity.padEnd(7)}  ${rule.summary}\n`)
  }
  return 0
}

/** `rollsafe explain RULE`: the rule's docs. */
export function explainCommand(argv: ReadonlyArray<string>): number {
  const id = argv[0]
  if (id === undefined) throw new InputError('rollsafe explain takes a rule id; `rollsafe rules` lists them')
  const rule = findRule(id)
  if (rule === undefined) throw new InputError(`unknown rule '${id}'; \`rollsafe rules\` lists them`)
  writeStdout(renderRuleDoc(rule))
  return 0
}
