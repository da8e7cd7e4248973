import { defineRule } from '../../src/core/rule.js'
import { introducedType } from '../../src/db/introduced-type.js'

export const rule = defineRule({
  id: 'prefer-timestamptz',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['column-added', 'column-type-changed'],
  summary: 'A column is given `timestamp` (without time zone) instead of `timestamptz`.',
  why:
    'timestamp stores wall-clock time with no offset: values written by servers or sessions in different time ' +
    'zones cannot be compared, and daylight-saving changes make some of them ambiguous.',
  safe: 'Use `timestamptz`: it stores an instant and converts to the session time zone on output.',
  seeAlso: ['squawk: prefer-timestamp-tz (prefer-timestamptz)'],
  check(change, report) {
    const t = introducedType(change)
    if (t?.type.name !== 'timestamp') return
    report({ message: t.message, at: change.at, object: change.object })
  },
})
