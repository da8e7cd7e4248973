import { describeTypeChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-type-narrowed',
  area: 'api',
  on: ['type-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response value allows fewer types: version B returns only types that A also returned.',
  why:
    'Clients of A already handle every type B can send, so nothing breaks. It is listed so the contract change is seen in review: rolling back from B to A widens the type again.',
  safe: 'Nothing to do for clients of A.',
  seeAlso: [
    'oasdiff: response-body-type-specialized',
    'oasdiff: response-property-type-specialized',
    'oasdiff: response-body-list-of-types-narrowed',
    'oasdiff: response-property-list-of-types-narrowed',
    'oasdiff: response-header-type-specialized',
  ],
  check(change, report) {
    if (change.effect !== 'narrowed') return
    report({ message: schemaMessage(change, describeTypeChange(change)), at: change.at })
  },
})
