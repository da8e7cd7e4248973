import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-min-items-decreased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response array may hold fewer items than the minItems version A declared.',
  why:
    "Clients of A rely on A's minItems: code such as `items[0]` assumes the array is never empty. A shorter array from B makes that code fail, or fails strict response validation.",
  safe:
    "Keep B's arrays at A's minItems or longer. If an empty or shorter list must be possible, send it in a new property.",
  seeAlso: [
    'oasdiff: response-body-min-items-decreased',
    'oasdiff: response-property-min-items-decreased',
    'oasdiff: response-body-min-items-unset',
    'oasdiff: response-property-min-items-unset',
  ],
  check(change, report) {
    if (!['minItems'].includes(change.keyword) || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
