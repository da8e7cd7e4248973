import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-body-became-optional',
  area: 'api',
  on: ['request-body-required-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'A request body that version A requires is optional in version B.',
  why:
    'Clients of A always send the body, so they keep working. Mid-rollout, a client that starts leaving it ' +
    'out is rejected by A whenever its call lands there.',
  safe: 'Let clients omit the body only once every instance runs B.',
  seeAlso: ['oasdiff: request-body-became-optional'],
  symmetryWaiver: 'Response bodies exist per status and media type: response-success-status-* and response-media-type-*.',
  check(change, report) {
    if (change.required) return
    report({ message: messageFor(change, 'request body became optional'), at: change.at })
  },
})
