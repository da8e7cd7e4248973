import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-min-items-increased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B requires more items in a request array than version A.',
  why:
    'Clients of A send arrays as short as A allowed, often empty. Mid-rollout B rejects them with 400.',
  safe:
    'Keep accepting short and empty arrays and give them a meaning in B (an empty filter matches everything, say), or ' +
    'require more items only in a new API version.',
  seeAlso: [
    'oasdiff: request-parameter-min-items-increased',
    'oasdiff: request-parameter-min-items-set',
    'oasdiff: request-body-min-items-increased',
    'oasdiff: request-property-min-items-increased',
    'oasdiff: request-property-min-items-set',
  ],
  check(change, report) {
    if (change.keyword !== 'minItems' || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
