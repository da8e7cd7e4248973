import { schemaMessage } from '../../src/api/describe-change.js'
import { formatValue } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-schema-uncomparable',
  area: 'api',
  on: ['schema-uncomparable'],
  direction: 'request',
  severity: 'warning',
  summary: 'A request schema changed in a way rollsafe cannot compare by meaning (`not`, `allOf`, unions).',
  why:
    'rollsafe cannot tell whether B still accepts every value A accepted: `not`, `allOf` members that do ' +
    'not merge, a switch between `oneOf` and `anyOf`, or tuples of different length. If B rejects something ' +
    'A accepted, clients of A get 400 mid-rollout.',
  safe:
    'Check by hand (or by validating real request samples against both schemas) that B accepts everything ' +
    'A accepted; prefer expressing the schema with plain properties, types and enums that can be compared.',
  check(change, report) {
    report({ message: schemaMessage(change, `${formatValue(change.keyword)} changed`), at: change.at })
  },
})
