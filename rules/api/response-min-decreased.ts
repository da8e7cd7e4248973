import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-min-decreased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response number may go below the minimum that version A declared.',
  why:
    "Clients of A rely on A's minimum: an unsigned type, a value that is never zero or negative (a divisor, a count, an index). A smaller value from B overflows, divides by zero or fails strict response validation.",
  safe:
    "Keep B's values at or above A's minimum and leave the bound in the contract. If smaller values are needed, send them in a new property and move clients to it first.",
  seeAlso: [
    'oasdiff: response-body-min-decreased',
    'oasdiff: response-property-min-decreased',
    'oasdiff: response-body-exclusive-min-decreased',
    'oasdiff: response-property-exclusive-min-decreased',
  ],
  check(change, report) {
    if (!['minimum', 'exclusiveMinimum'].includes(change.keyword) || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
