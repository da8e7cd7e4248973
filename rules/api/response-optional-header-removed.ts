import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-optional-header-removed',
  area: 'api',
  on: ['header-removed'],
  direction: 'response',
  severity: 'warning',
  summary: 'An optional response header that version A sent is missing from version B.',
  why:
    'The header was optional, so careful clients of A cope without it, but clients that use it whenever it is present (pagination links, caching validators) lose that behaviour mid-rollout.',
  safe: 'Keep sending the header while clients use it: mark it `deprecated`, move clients off it, then drop it.',
  seeAlso: ['oasdiff: optional-response-header-removed'],
  symmetryWaiver: 'Request headers are parameters; their mirrors are the request-parameter-* rules.',
  check(change, report) {
    if (change.header.required) return
    report({
      message: messageFor(change, `response ${change.status} header ${formatValue(change.header.name)} removed`),
      at: change.at,
    })
  },
})
