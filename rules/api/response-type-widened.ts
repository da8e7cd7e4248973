import { describeTypeChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-type-widened',
  area: 'api',
  on: ['type-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response value may have a type that version A never returned.',
  why:
    "Clients of A decode this value as A's type: generated models, typed deserializers and code such as `pet.age + 1` assume it. Mid-rollout some of their calls reach B, which may send another type (a string where A sent an integer, an object where A sent a string), and the decode fails or the value is mishandled.",
  safe:
    'Keep the old type in this field. Send the new representation in a new property (or a new media type or API version), move clients to it, and retire the old field only when no client reads it.',
  seeAlso: [
    'oasdiff: response-body-type-changed',
    'oasdiff: response-body-type-generalized',
    'oasdiff: response-property-type-changed',
    'oasdiff: response-property-type-generalized',
    'oasdiff: response-body-list-of-types-widened',
    'oasdiff: response-property-list-of-types-widened',
    'oasdiff: response-header-type-changed',
    'oasdiff: response-header-type-generalized',
  ],
  check(change, report) {
    if (change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeTypeChange(change)), at: change.at })
  },
})
