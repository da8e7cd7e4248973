import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-property-became-read-only',
  area: 'api',
  on: ['read-only-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response property became read-only: it is still returned, only no longer accepted in requests.',
  why:
    '`readOnly` properties are returned as before, so clients reading responses are unaffected (the request side is request-property-became-read-only).',
  safe: 'Nothing to do for clients reading responses.',
  seeAlso: [
    'oasdiff: response-optional-property-became-read-only',
    'oasdiff: response-required-property-became-read-only',
  ],
  check(change, report) {
    if (!change.value) return
    report({ message: schemaMessage(change, 'became read-only'), at: change.at })
  },
})
