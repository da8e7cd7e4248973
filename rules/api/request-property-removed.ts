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
    'Clients of A keep sending the property. If B ignores unknown properties, the call succeeds but the ' +
    'value is silently dropped, so what the client asked for does not happen; if B rejects additional ' +
    'properties, the call fails with 400.',
  safe:
    'Keep accepting the property (deprecate it) and keep honouring it, or map it onto its replacement, ' +
    'until logs show no client sends it; then remove it.',
  seeAlso: ['oasdiff: request-property-removed'],
  check(change, report) {
    const closed = change.after.additionalProperties === false ? ' and additional properties are rejected' : ''
    report({ message: messageFor(change, `${describePropertySite(change)} removed${closed}`), at: change.at })
  },
})
