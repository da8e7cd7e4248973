import { schemaMessage } from '../../src/api/describe-change.js'
import { describeBranch } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-union-branch-removed',
  area: 'api',
  on: ['union-branch-removed'],
  direction: 'request',
  severity: 'error',
  summary: 'A request oneOf/anyOf lost a branch: version B rejects a shape that version A accepts.',
  why:
    'Clients of A send values of every branch A offered (a card payment and a bank transfer, a cat and a ' +
    'dog). Mid-rollout B rejects values of the removed branch with 400.',
  safe:
    'Keep the branch and convert its values inside B until logs show no client sends that shape; mark it ' +
    'deprecated in its description meanwhile, or drop it only in a new API version.',
  seeAlso: [
    'oasdiff: request-body-one-of-removed',
    'oasdiff: request-property-one-of-removed',
    'oasdiff: request-body-any-of-removed',
    'oasdiff: request-property-any-of-removed',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, `${describeBranch(change)} removed`), at: change.at })
  },
})
