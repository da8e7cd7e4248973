import { schemaMessage } from '../../src/api/describe-change.js'
import { describeEnumLimit } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-enum-added',
  area: 'api',
  on: ['enum-added'],
  direction: 'response',
  severity: 'info',
  summary: 'A response value is now limited to an enum (or const): version B returns fewer distinct values.',
  why: 'Every value B can send is one clients of A already accepted, so nothing breaks.',
  safe: 'Nothing to do for clients of A.',
  seeAlso: ['oasdiff: response-body-const-added', 'oasdiff: response-property-const-added'],
  check(change, report) {
    report({ message: schemaMessage(change, describeEnumLimit(change)), at: change.at })
  },
})
