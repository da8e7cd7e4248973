import { describePatternChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-pattern-added',
  area: 'api',
  on: ['pattern-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B requires a request string to match a pattern where version A accepted any string.',
  why:
    'Clients of A send strings in whatever shape A allowed: lower and upper case, with spaces, with a ' +
    'country prefix or without. Mid-rollout B rejects every value that does not match the new pattern with 400.',
  safe:
    'Keep accepting free strings and normalise them inside B; log values that would fail the pattern and ' +
    'enforce it only once none arrive, or only in a new API version.',
  seeAlso: ['oasdiff: request-parameter-pattern-added', 'oasdiff: request-property-pattern-added'],
  check(change, report) {
    if (change.before.pattern !== undefined || change.after.pattern === undefined) return
    report({ message: schemaMessage(change, describePatternChange(change)), at: change.at })
  },
})
