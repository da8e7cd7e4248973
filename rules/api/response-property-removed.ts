import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-property-removed',
  area: 'api',
  on: ['property-removed'],
  direction: 'response',
  severity: 'error',
  summary: "A property that version A always returned (required) is missing from version B's response.",
  why:
    "Clients of A read the property without checking that it is there, because A's contract says it always is. Mid-rollout some of their calls reach B and get nothing: deserialization fails or the code reads `undefined`.",
  safe:
    'Keep returning the property (mark it `deprecated`), move clients off it, and remove it only once no client reads it.',
  seeAlso: ['oasdiff: response-required-property-removed'],
  check(change, report) {
    if (!change.required || change.property.writeOnly) return // write-only properties are never returned
    report({ message: messageFor(change, `${describePropertySite(change)} removed`), at: change.at })
  },
})
