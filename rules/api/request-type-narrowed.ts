import { describeTypeChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-type-narrowed',
  area: 'api',
  on: ['type-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B rejects a type of request value that version A accepts.',
  why:
    'Clients of A send the value in a type A allowed: an id as a string, an amount as a number, a single ' +
    'object where B now wants an array. Mid-rollout B fails to validate or parse those calls and answers 400; ' +
    'a lenient server may coerce the value into something the client did not mean.',
  safe:
    'Keep accepting every type A accepted and convert inside B. To move clients to the new type, add it ' +
    'under a new name (or widen the type to accept both), deprecate the old form, and narrow only once ' +
    'logs show no client sends it.',
  seeAlso: [
    'oasdiff: request-body-type-changed',
    'oasdiff: request-property-type-changed',
    'oasdiff: request-parameter-type-changed',
    'oasdiff: request-body-list-of-types-narrowed',
    'oasdiff: request-property-list-of-types-narrowed',
    'oasdiff: request-parameter-list-of-types-narrowed',
  ],
  check(change, report) {
    if (change.effect === 'widened') return // request-type-widened
    report({ message: schemaMessage(change, describeTypeChange(change)), at: change.at })
  },
})
