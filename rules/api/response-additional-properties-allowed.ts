import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-additional-properties-allowed',
  area: 'api',
  on: ['additional-properties-changed'],
  direction: 'response',
  severity: 'warning',
  summary: 'A response object may carry properties (or values of a map) that version A ruled out.',
  why:
    'Where A declared `additionalProperties: false` (or a schema for them), clients of A may validate responses strictly or decode into closed types; extra properties from B then fail them. Tolerant clients ignore them, hence a warning.',
  safe:
    'Declare the new properties in the schema instead of opening it, and add them only once clients of A ignore unknown properties.',
  check(change, report) {
    if (change.effect === 'narrowed') return
    report({ message: schemaMessage(change, 'additionalProperties widened'), at: change.at })
  },
})
