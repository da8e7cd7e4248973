import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-body-became-required',
  area: 'api',
  on: ['request-body-required-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'A request body that version A treats as optional is required by version B.',
  why: 'Clients of A may call the operation without a body. Mid-rollout those calls are rejected by B with 400.',
  safe:
    'Keep the body optional and have B do what A did without it. Make it required only after every client ' +
    'sends one.',
  seeAlso: ['oasdiff: request-body-became-required'],
  symmetryWaiver: 'Response bodies exist per status and media type: response-success-status-* and response-media-type-*.',
  check(change, report) {
    if (!change.required) return
    report({ message: messageFor(change, 'request body became required'), at: change.at })
  },
})
