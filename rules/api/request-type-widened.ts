import { describeTypeChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-type-widened',
  area: 'api',
  on: ['type-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts more types for a request value than version A.',
  why:
    'Every value clients of A send still has an accepted type, so nothing breaks. Mid-rollout, a client that ' +
    'starts sending the new type is rejected with 400 whenever its call lands on A.',
  safe: 'Let clients send values of the new type only once every instance runs B.',
  seeAlso: [
    'oasdiff: request-body-type-generalized',
    'oasdiff: request-property-type-generalized',
    'oasdiff: request-parameter-type-generalized',
    'oasdiff: request-body-list-of-types-widened',
    'oasdiff: request-property-list-of-types-widened',
    'oasdiff: request-parameter-list-of-types-widened',
  ],
  check(change, report) {
    if (change.effect !== 'widened') return
    report({ message: schemaMessage(change, describeTypeChange(change)), at: change.at })
  },
})
