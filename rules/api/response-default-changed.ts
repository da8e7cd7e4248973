import { schemaMessage } from '../../src/api/describe-change.js'
import { describeDefaultChange } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-default-changed',
  area: 'api',
  on: ['default-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'The documented default of a response value changed.',
  why:
    'A default in a response schema is documentation: the server sends the actual value, so clients of A read what B sends and nothing breaks. Clients that fill missing values from the documented default may show a different value.',
  safe: 'Nothing to do for clients of A; mention the change in the changelog.',
  seeAlso: [
    'oasdiff: response-body-default-value-changed',
    'oasdiff: response-property-default-value-changed',
    'oasdiff: response-property-default-value-added',
    'oasdiff: response-property-default-value-removed',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, describeDefaultChange(change)), at: change.at })
  },
})
