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
    "Clients of A ignore properties they do not know, so a new one breaks nothing. (Clients that decode into closed types are covered by response-additional-properties-allowed when A's schema ruled extra properties out.)",
  safe: 'Nothing to do for clients of A.',
  seeAlso: ['oasdiff: response-optional-property-added', 'oasdiff: response-required-property-added'],
  check(change, report) {
    report({ message: messageFor(change, `${describePropertySite(change)} added`), at: change.at })
  },
})
