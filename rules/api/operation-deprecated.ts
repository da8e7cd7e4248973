import { formatValue, messageFor } from '../../src/api/describe.js'
import { operationFieldRef } from '../../src/api/operation-field-ref.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'operation-deprecated',
  area: 'api',
  on: ['operation-deprecated-changed'],
  direction: 'none',
  severity: 'info',
  summary: 'Version B marks an operation deprecated.',
  why:
    'Nothing breaks yet: B still serves the operation. Deprecation is the announcement that it will go, and ' +
    'without an `x-sunset` date clients cannot tell how long they have, so they tend to not migrate at all.',
  safe:
    'Give the deprecation an `x-sunset` date (and send the Sunset and Deprecation headers, RFC 8594 and ' +
    'RFC 9745), name the replacement in the description, and watch traffic to the operation fall before ' +
    'removing it after that date.',
  seeAlso: [
    'oasdiff: endpoint-deprecated',
    'oasdiff: endpoint-deprecated-with-sunset',
    'oasdiff: api-deprecated-sunset-missing',
  ],
  check(change, report) {
    if (change.before.deprecated || !change.after.deprecated) return
    const { sunset } = change.after
    const fact = sunset === undefined ? 'operation deprecated without a sunset date' : `operation deprecated with sunset date ${formatValue(sunset)}`
    report({ message: messageFor(change, fact), at: operationFieldRef(change.after, 'deprecated') })
  },
})
