import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'unused-ignore',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['ignore-unused'],
  summary: 'A `-- rollsafe-ignore` comment accepts no finding, or names no rule.',
  why:
    'A waiver left behind after its statement changed, or one with a mistyped rule id, waives nothing today ' +
    'and may hide a real finding tomorrow, when the statement it sits above changes again.',
  safe: 'Remove the comment, or correct the rule id (`rollsafe rules db` lists them); a file-wide waiver is `-- rollsafe-ignore-file RULE: reason`.',
  seeAlso: ['squawk: unused-ignore'],
  check(change, report) {
    const where = change.scope === 'file' ? 'in this file' : 'on the next statement'
    const message = change.known
      ? `ignore comment for \`${change.rule}\` accepts no finding ${where}`
      : `ignore comment names \`${change.rule}\`, which is no rollsafe rule`
    report({ message, at: change.at, object: change.rule })
  },
})
