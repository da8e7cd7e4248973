import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-property-became-optional',
  area: 'api',
  on: ['property-required-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response property that version A always returned may be absent in version B.',
  why:
    "Clients of A read the property without a presence check, because A's contract says it is required. When a call reaches B and B leaves it out, deserialization fails or the code reads `undefined`.",
  safe:
    "Keep the property required and always filled in B's responses (use a default value); make it optional only in a new API version, after clients handle its absence.",
  seeAlso: ['oasdiff: response-property-became-optional'],
  check(change, report) {
    if (change.required) return
    report({ message: messageFor(change, `${describePropertySite(change)} became optional`), at: change.at })
  },
})
