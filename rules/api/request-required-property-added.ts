import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-required-property-added',
  area: 'api',
  on: ['property-added'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B requires a request property that version A did not have.',
  why:
    'Clients of A do not send the property. Mid-rollout B rejects their calls with 400; a `default` in the ' +
    'schema does not help, because validators do not apply defaults to required properties.',
  safe:
    'Add the property as optional and let B fill in what A did without it (a server-side default). Make it ' +
    'required only once every client sends it, or introduce it in a new operation or API version.',
  seeAlso: ['oasdiff: new-required-request-property', 'oasdiff: new-required-request-property-with-default'],
  symmetryWaiver:
    'A response gaining a property (required or not) breaks no client of A; response-property-added covers it.',
  check(change, report) {
    if (!change.required) return // request-property-added
    report({ message: messageFor(change, `required ${describePropertySite(change)} added`), at: change.at })
  },
})
