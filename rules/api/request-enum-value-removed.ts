import { schemaMessage } from '../../src/api/describe-change.js'
import { describeEnumValue } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-enum-value-removed',
  area: 'api',
  on: ['enum-value-removed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B rejects a request enum value that version A accepts.',
  why:
    'Clients of A send the value (their generated enums still have it, and stored data or user choices still ' +
    'hold it). Mid-rollout B rejects those calls with 400. Inside a request oneOf/anyOf, a value that another ' +
    "branch of B takes in instead (moved into a branch of its own, with nothing else of A's branch rejected) is " +
    'not reported: B still accepts the request; the new branch shows as request-union-branch-added.',
  safe:
    'Keep accepting the value and map it onto its replacement inside B; document it as deprecated. Remove it ' +
    'only once logs show no client sends it.',
  seeAlso: [
    'oasdiff: request-body-enum-value-removed',
    'oasdiff: request-property-enum-value-removed',
    'oasdiff: request-parameter-enum-value-removed',
    'oasdiff: request-parameter-property-enum-value-removed',
    'oasdiff: request-body-const-changed',
    'oasdiff: request-property-const-changed',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, describeEnumValue(change)), at: change.at })
  },
})
