import { schemaMessage } from '../../src/api/describe-change.js'
import { describeBranch } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-union-branch-added',
  area: 'api',
  on: ['union-branch-added'],
  direction: 'response',
  severity: 'error',
  summary: 'A response oneOf/anyOf gained a branch: version B may return a shape that A never returned.',
  why:
    "Clients of A decode the value as one of A's branches (generated union types, a `switch` on the discriminator). A value of the new branch matches none of them, so decoding fails or falls into an error path.",
  safe:
    'Return the new shape only to clients that opt in (a new property, media type or API version), or first ship clients that tolerate unknown branches.',
  seeAlso: [
    'oasdiff: response-body-one-of-added',
    'oasdiff: response-property-one-of-added',
    'oasdiff: response-body-any-of-added',
    'oasdiff: response-property-any-of-added',
    'oasdiff: response-body-wrapped-in-one-of',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, `${describeBranch(change)} added`), at: change.at })
  },
})
