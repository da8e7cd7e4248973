import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-required-body-added',
  area: 'api',
  on: ['request-body-added'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B requires a request body on an operation that took none in version A.',
  why: 'Clients of A send no body. Mid-rollout every call of theirs that reaches B is rejected with 400 or 415.',
  safe:
    'Add the body as optional (`required: false`) and let B behave as A did when it is missing; require it ' +
    'only once every client sends one, or put the new input in a new operation.',
  seeAlso: ['oasdiff: request-body-added-required'],
  symmetryWaiver: 'Response bodies exist per status and media type: response-success-status-* and response-media-type-*.',
  check(change, report) {
    if (!change.required) return
    report({ message: messageFor(change, 'required request body added'), at: change.at })
  },
})
