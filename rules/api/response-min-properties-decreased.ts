import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-min-properties-decreased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response object may hold fewer properties than the minProperties version A declared.',
  why:
    "Clients of A rely on A's minProperties (for example that a map is never empty). An object from B with fewer properties breaks that assumption or fails strict response validation.",
  safe: "Keep B's objects at A's minProperties or more, or send the smaller map in a new property.",
  check(change, report) {
    if (!['minProperties'].includes(change.keyword) || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
