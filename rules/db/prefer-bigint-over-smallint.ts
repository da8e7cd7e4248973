import { defineRule } from '../../src/core/rule.js'
import { introducedType } from '../../src/db/introduced-type.js'

export const rule = defineRule({
  id: 'prefer-bigint-over-smallint',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['column-added', 'column-type-changed'],
  summary: 'A column is given the 16-bit `smallint` (or `smallserial`) type.',
  why:
    'smallint tops out at 32,767: a counter or id reaches it surprisingly fast, inserts then fail, and widening ' +
    'the column later rewrites the whole table under ACCESS EXCLUSIVE. Alignment usually eats the saved bytes.',
  safe: 'Use `bigint` (or `integer` when the range is truly bounded, e.g. a percentage).',
  seeAlso: ['squawk: prefer-bigint-over-smallint'],
  check(change, report) {
    const t = introducedType(change)
    if (t?.type.name !== 'int2') return
    report({ message: t.message, at: change.at, object: change.object })
  },
})
