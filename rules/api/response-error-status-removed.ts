import { formatValue, messageFor } from '../../src/api/describe.js'
import { isSuccessResponse } from '../../src/api/status-class.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-error-status-removed',
  area: 'api',
  on: ['response-removed'],
  direction: 'response',
  severity: 'warning',
  summary: 'A non-success response (an error, redirect or default) of version A is gone from version B.',
  why:
    'Clients of A handle this status specifically (a 404 shown as "not found", a 409 retried). If B reports the same situation with another status, those clients fall into their generic error path. If B simply stops producing the situation, nothing breaks, hence a warning. A status B still documents through a range (`4XX`) or `default` is not reported: B may still answer with it, and the two responses are compared instead.',
  safe: 'Keep returning the same status for the same situation; document the status in B even if it became rare.',
  seeAlso: ['oasdiff: response-non-success-status-removed'],
  symmetryWaiver: 'Requests have no status codes, so there is no request mirror.',
  check(change, report) {
    if (change.coveredBy.length > 0) return // B still answers it through a range or default, compared in its place
    if (isSuccessResponse(change.status, change.otherStatuses)) return
    report({ message: messageFor(change, `response ${formatValue(change.status)} removed`), at: change.at })
  },
})
