import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-property-added',
  area: 'api',
  on: ['property-added'],
  direction: 'response',
  severity: 'info',
  summary: 'Version B returns a property that version A did not.',
  why:
    "Clients of A ignore properties they do not know, so a new one breaks nothing. Where A's object ruled out undeclared properties (`additionalProperties: false`), strict clients may not, and response-property-added-to-closed-object reports the property instead.",
  safe: 'Nothing to do for clients of A.',
  seeAlso: ['oasdiff: response-optional-property-added', 'oasdiff: response-required-property-added'],
  check(change, report) {
    if (change.closedBefore) return // response-property-added-to-closed-object reports it
    report({ message: messageFor(change, `${describePropertySite(change)} added`), at: change.at })
  },
})
