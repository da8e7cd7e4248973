import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-max-length-increased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response string may be longer than the maxLength version A declared (or has no limit).',
  why:
    "Clients of A store or show the string within A's maxLength: a `varchar(n)` column, a fixed-size buffer, a UI field. A longer string from B fails the insert, is truncated, or fails strict response validation.",
  safe:
    "Keep B's values within A's bound and leave the bound in the contract. If larger values are needed, send them in a new property (or a new API version) and move clients to it first.",
  seeAlso: [
    'oasdiff: response-body-max-length-increased',
    'oasdiff: response-property-max-length-increased',
    'oasdiff: response-body-max-length-unset',
    'oasdiff: response-property-max-length-unset',
  ],
  check(change, report) {
    if (!['maxLength'].includes(change.keyword) || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
