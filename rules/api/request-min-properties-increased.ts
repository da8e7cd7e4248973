import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-min-properties-increased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B requires more properties in a request object than version A.',
  why:
    'Clients of A send objects with as few entries as A allowed, often empty ones. Mid-rollout B rejects them with ' +
    '400.',
  safe:
    'Keep accepting small and empty objects and handle them in B, or require more entries only in a new API version.',
  check(change, report) {
    if (change.keyword !== 'minProperties' || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
