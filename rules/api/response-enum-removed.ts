import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-enum-removed',
  area: 'api',
  on: ['enum-removed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response value limited to an enum (or const) in version A may be any value in version B.',
  why:
    "Clients of A map the value onto a closed set (a generated enum, a `switch`, a lookup table). B may now send any value of the type, and a value outside A's set fails to deserialize or falls into an error branch.",
  safe:
    'Keep the enum on the existing field and add values one at a time once clients tolerate unknown values, or send the free-form value in a new property.',
  seeAlso: ['oasdiff: response-body-const-removed', 'oasdiff: response-property-const-removed'],
  check(change, report) {
    report({ message: schemaMessage(change, 'enum removed: any value of the type may be returned'), at: change.at })
  },
})
