import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-additional-properties-restricted',
  area: 'api',
  on: ['additional-properties-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B rejects request properties that version A accepted as additional properties.',
  why:
    'Where A allowed any extra property, clients of A may send some: fields of a newer client model, ' +
    'fields they copied from a response, entries of a free-form map. With `additionalProperties: false` (or ' +
    'a stricter schema) B rejects those calls with 400 mid-rollout.',
  safe:
    'Keep accepting unknown properties and ignore them in B (the tolerant reader); if a closed schema is the ' +
    'goal, log which extra properties arrive and close it only once none do, or in a new API version.',
  check(change, report) {
    if (change.effect === 'widened') return // request-constraint-relaxed
    report({ message: schemaMessage(change, 'additionalProperties narrowed'), at: change.at })
  },
})
