import { formatValue, messageFor } from '../../src/api/describe.js'
import { isSuccessResponse } from '../../src/api/status-class.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-error-status-added',
  area: 'api',
  on: ['response-added'],
  direction: 'response',
  severity: 'info',
  summary: 'Version B documents a new non-success status (an error, redirect or default).',
  why:
    'Clients of A treat unknown error statuses with their generic error handling, so documenting a new one rarely breaks them; listed so the change is seen in review.',
  safe:
    "Make sure the new status is one a generic client handles sensibly (4xx for the caller's errors, 5xx for the server's).",
  seeAlso: ['oasdiff: response-non-success-status-added'],
  symmetryWaiver: 'Requests have no status codes, so there is no request mirror.',
  check(change, report) {
    if (isSuccessResponse(change.status, change.otherStatuses)) return
    report({ message: messageFor(change, `response ${formatValue(change.status)} added`), at: change.at })
  },
})
