import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-body-removed',
  area: 'api',
  on: ['request-body-removed'],
  direction: 'request',
  severity: 'warning',
  summary: 'An operation that takes a request body in version A takes none in version B.',
  why:
    'Clients of A keep sending the body. B ignores it, so the data they meant to submit is silently dropped ' +
    'while the call succeeds; a strict server rejects the call with 400 or 415 instead.',
  safe:
    'Keep accepting the body (deprecate it) until clients stop sending it. If the data moved to parameters ' +
    'or another operation, keep reading the body meanwhile and map it onto the new input.',
  seeAlso: ['oasdiff: request-body-removed'],
  symmetryWaiver: 'Response bodies exist per status and media type: response-success-status-* and response-media-type-*.',
  check(change, report) {
    report({ message: messageFor(change, 'request body removed'), at: change.at })
  },
})
