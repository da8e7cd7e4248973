import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-became-not-nullable',
  area: 'api',
  on: ['nullable-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response value that version A could send as null is never null in version B.',
  why: 'Clients of A already handle both null and a value, so a value that is never null breaks nothing.',
  safe: 'Nothing to do for clients of A.',
  seeAlso: [
    'oasdiff: response-body-became-not-nullable',
    'oasdiff: response-property-became-not-nullable',
    'oasdiff: response-header-became-not-nullable',
  ],
  check(change, report) {
    if (change.nullable) return
    report({ message: schemaMessage(change, 'became not nullable'), at: change.at })
  },
})
