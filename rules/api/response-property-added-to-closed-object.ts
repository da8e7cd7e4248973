import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-property-added-to-closed-object',
  area: 'api',
  on: ['property-added'],
  direction: 'response',
  severity: 'warning',
  summary: 'Version B returns a new property in an object that version A declared closed.',
  why:
    "A declared `additionalProperties: false`, so its clients may validate responses against A's schema or decode them into closed types (generated strict deserializers, `deny_unknown_fields`), and an undeclared property fails them. Clients that ignore unknown properties are unaffected, hence a warning.",
  safe:
    "Before returning the property, ship clients that tolerate unknown properties (or open A's schema and let that reach every client); or return it only to clients that ask for it (a new field set, media type or API version).",
  symmetryWaiver:
    'In a request, a property B newly accepts in a closed object is one that clients of A never send, so nothing of theirs is rejected.',
  check(change, report) {
    if (!change.closedBefore) return
    const fact = `${describePropertySite(change)} added to an object closed by \`additionalProperties: false\``
    report({ message: messageFor(change, fact), at: change.at })
  },
})
