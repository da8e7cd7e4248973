import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-property-became-read-only',
  area: 'api',
  on: ['read-only-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'A request property that clients of version A may set is read-only in version B.',
  why:
    'Clients of A send the property to set it. B ignores read-only properties in requests (or rejects them), ' +
    'so mid-rollout the value a client wrote is silently not stored, or the call fails with 400.',
  safe:
    'Keep accepting writes to the property until clients stopped sending it (deprecate it first and log ' +
    'writes). If the server now computes the value, say so in the docs and accept and ignore it explicitly ' +
    'for a while rather than failing.',
  seeAlso: ['oasdiff: request-optional-property-became-read-only', 'oasdiff: request-required-property-became-read-only'],
  check(change, report) {
    if (!change.value) return
    report({ message: schemaMessage(change, 'became read-only'), at: change.at })
  },
})
