import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-header-became-required',
  area: 'api',
  on: ['header-required-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response header that was optional in version A is always sent by version B.',
  why: 'Clients of A already handle the header being present, so nothing breaks.',
  safe: 'Nothing to do for clients of A.',
  symmetryWaiver: 'Request headers are parameters; their mirrors are the request-parameter-* rules.',
  check(change, report) {
    if (!change.after.required) return
    report({
      message: messageFor(change, `response ${change.status} header ${formatValue(change.after.name)} became required`),
      at: change.at,
    })
  },
})
