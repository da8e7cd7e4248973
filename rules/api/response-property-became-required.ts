import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-property-became-required',
  area: 'api',
  on: ['property-required-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response property that was optional in version A is always returned by version B.',
  why: 'Clients of A already handle the property being there, so nothing breaks.',
  safe: 'Nothing to do for clients of A.',
  seeAlso: ['oasdiff: response-property-became-required'],
  check(change, report) {
    if (!change.required) return
    report({ message: messageFor(change, `${describePropertySite(change)} became required`), at: change.at })
  },
})
