import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-unique-items-removed',
  area: 'api',
  on: ['unique-items-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response array that had unique items in version A may contain duplicates in version B.',
  why:
    'Clients of A may load the array into a set or a keyed map, or count on each item appearing once. Duplicates from B are silently merged, double-counted or rejected by strict response validation.',
  safe: "Keep the items of B's array unique; send a list with duplicates in a new property.",
  check(change, report) {
    if (change.effect === 'narrowed') return
    report({ message: schemaMessage(change, 'uniqueItems removed'), at: change.at })
  },
})
