import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-header-added',
  area: 'api',
  on: ['header-added'],
  direction: 'response',
  severity: 'info',
  summary: 'Version B sends a response header that version A did not.',
  why: 'Clients of A ignore headers they do not know, so nothing breaks.',
  safe: 'Nothing to do for clients of A.',
  seeAlso: ['oasdiff: response-header-added'],
  symmetryWaiver: 'Request headers are parameters; their mirrors are the request-parameter-* rules.',
  check(change, report) {
    report({
      message: messageFor(change, `response ${change.status} header ${formatValue(change.header.name)} added`),
      at: change.at,
    })
  },
})
