import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-multiple-of-changed',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response number need no longer be a multiple of what version A declared.',
  why:
    "Clients of A rely on A's multipleOf: an amount in whole cents, a quantity in packs of 6. A value from B that is not such a multiple is rounded wrongly or fails strict response validation.",
  safe: "Keep B's values multiples of A's multipleOf (a finer step only in a new property).",
  check(change, report) {
    if (change.keyword !== 'multipleOf' || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
