import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-property-became-required',
  area: 'api',
  on: ['property-required-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'A request property that version A treats as optional is required by version B.',
  why:
    'Clients of A may leave the property out, and partial updates usually do. Mid-rollout B rejects those ' +
    'calls with 400; a `default` in the schema does not help, because validators do not apply defaults to ' +
    'required properties.',
  safe:
    'Keep the property optional and let B fill in what A did without it. Make it required only once logs ' +
    'show every client sends it, or in a new API version.',
  seeAlso: ['oasdiff: request-property-became-required', 'oasdiff: request-property-became-required-with-default'],
  check(change, report) {
    if (!change.required) return
    if (change.after.properties.get(change.name)?.readOnly === true) return // clients never send read-only properties
    report({ message: messageFor(change, `${describePropertySite(change)} became required`), at: change.at })
  },
})
