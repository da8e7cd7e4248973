import { formatValue, messageFor } from '../../src/api/describe.js'
import { isSuccessResponse } from '../../src/api/status-class.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-success-status-added',
  area: 'api',
  on: ['response-added'],
  direction: 'response',
  severity: 'warning',
  summary: "Version B documents a success status that version A did not: A's clients may not expect it.",
  why:
    "Clients of A know only A's success statuses. If B answers some calls with the new one (a 202 for a queued job where A always said 200), clients of A may treat it as an error or read a body of the wrong shape. A code that A's range (`2XX`) or success `default` already held is not new to them and is not reported; its response is compared with that one.",
  safe:
    'Return the new status only to clients that ask for it (a new operation, a `Prefer` header, an API version), or first ship clients that handle it.',
  seeAlso: ['oasdiff: response-success-status-added'],
  symmetryWaiver: 'Requests have no status codes, so there is no request mirror.',
  check(change, report) {
    if (change.coveredBy.length > 0) return // A's range or default already promised it to A's clients
    if (!isSuccessResponse(change.status, change.otherStatuses)) return
    report({ message: messageFor(change, `success response ${formatValue(change.status)} added`), at: change.at })
  },
})
