import { formatValue, messageFor } from '../../src/api/describe.js'
import { isSuccessResponse } from '../../src/api/status-class.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-success-status-removed',
  area: 'api',
  on: ['response-removed'],
  direction: 'response',
  severity: 'error',
  summary: 'A success response (2xx, or a default that stood for success) of version A is gone from version B.',
  why:
    'Clients of A expect this status and decode its body when the call succeeds. If B answers the same call with another status, clients of A treat a success as a failure, or find no body where they expect one. A status B still documents through a range (`2XX`) or a `default` that stands for success is not reported: B may still answer with it, and the two responses are compared instead; nor is a range that B replaced by codes of its class, each compared with it.',
  safe:
    "Keep answering with A's status. To change it (say 200 to 201), add the new status only in a new operation or API version and move clients first.",
  seeAlso: ['oasdiff: response-success-status-removed'],
  symmetryWaiver: 'Requests have no status codes, so there is no request mirror.',
  check(change, report) {
    if (change.coveredBy.length > 0) return // B still answers it through a range or default, compared in its place
    if (!isSuccessResponse(change.status, change.otherStatuses)) return
    report({ message: messageFor(change, `success response ${formatValue(change.status)} removed`), at: change.at })
  },
})
