import { schemaMessage } from '../../src/api/describe-change.js'
import { describeBranch } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-union-branch-added',
  area: 'api',
  on: ['union-branch-added'],
  direction: 'request',
  severity: 'info',
  summary: 'A request oneOf/anyOf gained a branch: version B accepts a shape that version A does not.',
  why:
    'Clients of A send only the shapes A knows, which B still accepts, unless a value now matches the new ' +
    'branch as well as its old one: `oneOf` requires exactly one match, so such a value becomes invalid. ' +
    'Mid-rollout, a client that starts sending the new shape is rejected by A.',
  safe:
    'Make the new branch distinguishable from the old ones (a discriminator value, a required property ' +
    'the others forbid), and let clients send the new shape only once every instance runs B.',
  seeAlso: [
    'oasdiff: request-body-one-of-added',
    'oasdiff: request-property-one-of-added',
    'oasdiff: request-body-any-of-added',
    'oasdiff: request-property-any-of-added',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, `${describeBranch(change)} added`), at: change.at })
  },
})
