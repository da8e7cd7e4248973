import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-property-added',
  area: 'api',
  on: ['property-added'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts an optional request property that version A did not declare.',
  why:
    'Clients of A do not send the property, and B does not require it, so nothing breaks. Mid-rollout, a ' +
    'client that starts sending it has it ignored by A, or rejected if A forbids additional properties.',
  safe:
    'Give the property a server-side default that reproduces the behaviour of A, and let clients rely on it ' +
    'only once every instance runs B.',
  seeAlso: ['oasdiff: new-optional-request-property'],
  check(change, report) {
    if (change.required) return // request-required-property-added
    report({ message: messageFor(change, `optional ${describePropertySite(change)} added`), at: change.at })
  },
})
