import { schemaMessage } from '../../src/api/describe-change.js'
import { describeDefaultChange } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-default-changed',
  area: 'api',
  on: ['default-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'The default that applies when a client omits a request value differs between version A and B.',
  why:
    "Clients of A leave the value out because A's default is what they want: a page size, a sort order, a " +
    '`notify: true`. Mid-rollout their calls that land on B silently get the new default and behave ' +
    'differently, with no error to notice. A default that appears or disappears changes behaviour the same way.',
  safe:
    'Keep the default of A for this operation. If the new behaviour is wanted, make clients ask for it ' +
    'explicitly, or change the default only in a new API version.',
  seeAlso: [
    'oasdiff: request-parameter-default-value-changed',
    'oasdiff: request-parameter-default-value-added',
    'oasdiff: request-parameter-default-value-removed',
    'oasdiff: request-property-default-value-changed',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, describeDefaultChange(change)), at: change.at })
  },
})
