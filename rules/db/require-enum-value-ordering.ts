import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'require-enum-value-ordering',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['enum-value-added'],
  summary: 'A value is added to an existing enum without BEFORE or AFTER.',
  why:
    'Enum values sort in declaration order: a value appended at the end sorts after all others, which breaks ' +
    'ORDER BY and range comparisons (status < \'shipped\') that assume a meaningful order.',
  safe: "State where the value belongs: ALTER TYPE … ADD VALUE 'x' BEFORE 'y' (or AFTER), even when that is the end.",
  seeAlso: ['squawk: require-enum-value-ordering'],
  check(change, report) {
    if (change.neighbor !== undefined || change.type?.origin === 'file') return
    report({ message: `value '${change.value}' appended to enum \`${change.type?.key ?? change.object}\``, at: change.at, object: change.object })
  },
})
