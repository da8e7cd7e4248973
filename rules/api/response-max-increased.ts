import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-max-increased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response number may exceed the maximum that version A declared.',
  why:
    "Clients of A size their storage and arithmetic by A's maximum: a 32-bit or 16-bit integer, a database column, a progress bar scaled to it. A larger value from B overflows, is rejected by strict response validation, or is shown wrong.",
  safe:
    "Keep B's values within A's bound and leave the bound in the contract. If larger values are needed, send them in a new property (or a new API version) and move clients to it first.",
  seeAlso: [
    'oasdiff: response-body-max-increased',
    'oasdiff: response-property-max-increased',
    'oasdiff: response-body-exclusive-max-increased',
    'oasdiff: response-property-exclusive-max-increased',
  ],
  check(change, report) {
    if (!['maximum', 'exclusiveMaximum'].includes(change.keyword) || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
