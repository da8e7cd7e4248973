import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-unique-items-added',
  area: 'api',
  on: ['unique-items-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B rejects request arrays with duplicate items that version A accepts.',
  why:
    'Clients of A may send the same item twice (a tag list built from user input, ids collected from two ' +
    'sources). Mid-rollout B rejects those arrays with 400.',
  safe: 'Keep accepting duplicates and drop them inside B; the contract can stay as it was.',
  check(change, report) {
    if (change.effect === 'widened') return // request-constraint-relaxed
    report({ message: schemaMessage(change, 'uniqueItems added'), at: change.at })
  },
})
