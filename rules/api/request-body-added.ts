import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-body-added',
  area: 'api',
  on: ['request-body-added'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts an optional request body on an operation that took none in version A.',
  why:
    'Clients of A send no body, which B allows. Mid-rollout, a client that starts sending one has it ' +
    'ignored (or rejected) whenever its call lands on A.',
  safe: 'Let clients send the body only once every instance runs B.',
  seeAlso: ['oasdiff: request-body-added-optional'],
  symmetryWaiver: 'Response bodies exist per status and media type: response-success-status-* and response-media-type-*.',
  check(change, report) {
    if (change.required) return
    report({ message: messageFor(change, 'optional request body added'), at: change.at })
  },
})
