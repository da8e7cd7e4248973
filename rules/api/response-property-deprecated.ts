import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-property-deprecated',
  area: 'api',
  on: ['deprecated-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response property is marked deprecated in version B.',
  why: 'It is still returned, so nothing breaks; the mark warns client authors to stop reading it.',
  safe: 'Keep returning the property until no client reads it (watch for it in client code and logs), then remove it.',
  seeAlso: ['oasdiff: response-property-deprecated'],
  check(change, report) {
    if (!change.value) return
    report({ message: schemaMessage(change, 'deprecated'), at: change.at })
  },
})
