import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-header-removed',
  area: 'api',
  on: ['header-removed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response header that version A always sent (required) is missing from version B.',
  why:
    "Clients of A read the header on every response, because A's contract says it is always there (`Location` after a create, an ETag for the next conditional update, a rate-limit counter). Responses from B without it break that code.",
  safe:
    'Keep sending the header (mark it `deprecated`), move clients off it, and drop it only once no client reads it.',
  seeAlso: ['oasdiff: required-response-header-removed'],
  symmetryWaiver: 'Request headers are parameters; their mirrors are the request-parameter-* rules.',
  check(change, report) {
    if (!change.header.required) return
    report({
      message: messageFor(change, `response ${change.status} header ${formatValue(change.header.name)} removed`),
      at: change.at,
    })
  },
})
