import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'ignore-without-reason',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['ignore-comment'],
  summary: 'A `-- rollsafe-ignore` comment gives no reason (or no rule).',
  why: 'An accepted risk needs its reason next to it, so reviewers and later readers know why the finding was waived.',
  safe: 'Write `-- rollsafe-ignore RULE: why this is safe here` (for the next statement) or `-- rollsafe-ignore-file RULE: reason`.',
  check(change, report) {
    if (change.reason !== '' && change.rules.length > 0) return
    const what = change.rules.length === 0 ? 'names no rule' : `for ${change.rules.map((r) => `\`${r}\``).join(', ')} gives no reason`
    report({ message: `ignore comment ${what}`, at: change.at, object: change.object })
  },
})
