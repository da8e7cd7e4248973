import { schemaMessage } from '../../src/api/describe-change.js'
import { formatValue } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-schema-uncomparable',
  area: 'api',
  on: ['schema-uncomparable'],
  direction: 'response',
  severity: 'warning',
  summary: 'A response schema part rollsafe cannot compare by meaning changed (`not`, unmerged `allOf`…).',
  why:
    "rollsafe cannot decide whether B may return values that clients of A reject, so it cannot clear the change. Clients of A may break if B's responses fall outside what A's schema allowed.",
  safe:
    "Check by hand that every value B returns still matches A's schema; if so, ignore this finding with that reason. Prefer plain keywords (properties, enum, bounds) that can be compared.",
  seeAlso: ['oasdiff: response-body-prefix-items-added', 'oasdiff: response-property-prefix-items-added'],
  check(change, report) {
    report({ message: schemaMessage(change, `${formatValue(change.keyword)} changed`), at: change.at })
  },
})
