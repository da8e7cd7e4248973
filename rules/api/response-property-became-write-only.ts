import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-property-became-write-only',
  area: 'api',
  on: ['write-only-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response property became write-only: version B stops returning it.',
  why:
    'A `writeOnly` property is accepted in requests but never returned. Clients of A read it from responses; once their call reaches B it is missing, exactly as if it had been removed.',
  safe:
    'Keep returning the property while clients read it: mark it `deprecated`, move clients off it, then make it write-only.',
  symmetryWaiver:
    'A write-only request property is still accepted, so requests have no breaking mirror; request-property-became-read-only covers the request side.',
  check(change, report) {
    if (!change.value) return
    report({ message: schemaMessage(change, 'became write-only'), at: change.at })
  },
})
