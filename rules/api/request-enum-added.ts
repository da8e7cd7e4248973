import { schemaMessage } from '../../src/api/describe-change.js'
import { describeEnumLimit } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-enum-added',
  area: 'api',
  on: ['enum-added'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B limits a request value to an enum (or const) where version A accepted any value.',
  why:
    'Clients of A send any value of the type, including ones outside the new list (other spellings, other ' +
    'cases, values that were valid yesterday). Mid-rollout B rejects them with 400.',
  safe:
    'Keep accepting free values and normalise known spellings inside B; log the values clients actually ' +
    'send, and restrict to the enum only once those logs show nothing else arrives, or in a new API version.',
  seeAlso: [
    'oasdiff: request-body-became-enum',
    'oasdiff: request-property-became-enum',
    'oasdiff: request-parameter-became-enum',
    'oasdiff: request-header-property-became-enum',
    'oasdiff: request-body-const-added',
    'oasdiff: request-property-const-added',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, describeEnumLimit(change)), at: change.at })
  },
})
