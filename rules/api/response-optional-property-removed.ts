import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-optional-property-removed',
  area: 'api',
  on: ['property-removed'],
  direction: 'response',
  severity: 'warning',
  summary: "An optional property that version A returned is missing from version B's response.",
  why:
    'The property was optional, so careful clients of A handle its absence; but clients that use it whenever A sent it lose the data mid-rollout (a field that was always filled in practice becomes empty).',
  safe: 'Keep returning the property while clients read it: mark it `deprecated`, move clients off it, then remove it.',
  seeAlso: ['oasdiff: response-optional-property-removed'],
  symmetryWaiver:
    'Requests have one rule for removed properties (request-property-removed): there, required or not makes no difference.',
  check(change, report) {
    if (change.required || change.property.writeOnly) return // write-only properties are never returned
    report({ message: messageFor(change, `${describePropertySite(change)} removed`), at: change.at })
  },
})
