import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-became-not-nullable',
  area: 'api',
  on: ['nullable-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B rejects `null` for a request value where version A accepts it.',
  why:
    'Clients of A send `null` where A allowed it, often to clear a field or because their serializer writes ' +
    'unset fields as `null`. Mid-rollout B rejects those calls with 400.',
  safe:
    'Keep accepting `null` and give it a meaning in B (treat it as absent, or as "clear"). If `null` must go, ' +
    'deprecate it first and stop accepting it only once logs show clients no longer send it.',
  seeAlso: [
    'oasdiff: request-body-became-not-nullable',
    'oasdiff: request-property-became-not-nullable',
    'oasdiff: request-parameter-became-not-nullable',
  ],
  check(change, report) {
    if (change.nullable) return
    report({ message: schemaMessage(change, 'became not nullable'), at: change.at })
  },
})
