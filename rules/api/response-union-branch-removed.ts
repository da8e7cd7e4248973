import { schemaMessage } from '../../src/api/describe-change.js'
import { describeBranch } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-union-branch-removed',
  area: 'api',
  on: ['union-branch-removed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response oneOf/anyOf lost a branch: version B returns fewer shapes than A.',
  why: 'Clients of A handle every branch A had, so B returning fewer breaks nothing.',
  safe: 'Nothing to do for clients of A; remove the client code for the branch once no deployment returns it.',
  seeAlso: [
    'oasdiff: response-body-one-of-removed',
    'oasdiff: response-property-one-of-removed',
    'oasdiff: response-body-any-of-removed',
    'oasdiff: response-property-any-of-removed',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, `${describeBranch(change)} removed`), at: change.at })
  },
})
