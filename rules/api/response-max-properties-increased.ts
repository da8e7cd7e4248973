import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-max-properties-increased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response object may hold more properties than the maxProperties version A declared.',
  why:
    "Clients of A may size storage by A's maxProperties or validate responses strictly. An object from B with more properties overflows that storage or fails validation.",
  safe: "Keep B's objects within A's maxProperties, or send the larger map in a new property.",
  check(change, report) {
    if (!['maxProperties'].includes(change.keyword) || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
