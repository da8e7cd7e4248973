import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-property-removed',
  area: 'api',
  on: ['property-removed'],
  direction: 'request',
  severity: 'warning',
  summary: 'A request property that version A accepts is no longer declared by version B.',
  why:
    "Clients of A keep sending the property. B's object still allows properties it does not declare, so the " +
    'call succeeds but the value is silently dropped: what the client asked for does not happen. Where B declares the object ' +
    'closed (`additionalProperties: false`) the call fails with 400 instead, and ' +
    'request-property-removed-from-closed-object reports it as an error.',
  safe:
    'Keep accepting the property (deprecate it) and keep honouring it, or map it onto its replacement, ' +
    'until logs show no client sends it; then remove it.',
  seeAlso: ['oasdiff: request-property-removed'],
  check(change, report) {
    if (change.after.additionalProperties === false) return // request-property-removed-from-closed-object
    report({ message: messageFor(change, `${describePropertySite(change)} removed`), at: change.at })
  },
})
