import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-header-became-optional',
  area: 'api',
  on: ['header-required-changed'],
  direction: 'response',
  severity: 'error',
  summary: "A response header that version A always sent may be missing from version B's responses.",
  why:
    "Clients of A read the header without a presence check because A's contract says it is always sent. A response from B without it breaks that code (no `Location` to follow, no ETag for the next update).",
  safe: 'Keep the header required and always sent by B; make it optional only in a new API version.',
  seeAlso: ['oasdiff: response-header-became-optional'],
  symmetryWaiver: 'Request headers are parameters; their mirrors are the request-parameter-* rules.',
  check(change, report) {
    if (change.after.required) return
    report({
      message: messageFor(change, `response ${change.status} header ${formatValue(change.after.name)} became optional`),
      at: change.at,
    })
  },
})
