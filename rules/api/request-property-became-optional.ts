import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-property-became-optional',
  area: 'api',
  on: ['property-required-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'A request property that version A requires is optional in version B.',
  why:
    'Clients of A always send the property, so nothing breaks. Mid-rollout, a client that starts leaving it ' +
    'out is rejected with 400 whenever its call lands on A.',
  safe: 'Let clients omit the property only once every instance runs B.',
  seeAlso: ['oasdiff: request-property-became-optional'],
  check(change, report) {
    if (change.required) return
    report({ message: messageFor(change, `${describePropertySite(change)} became optional`), at: change.at })
  },
})
