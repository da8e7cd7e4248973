import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-max-items-increased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response array may hold more items than the maxItems version A declared (or has no limit).',
  why:
    "Clients of A size buffers, pages or fixed-length tuples by A's maxItems. A longer array from B overflows them, is cut off silently, or fails strict response validation.",
  safe: "Keep B's arrays within A's maxItems (page the rest), or send the longer list in a new property.",
  check(change, report) {
    if (!['maxItems'].includes(change.keyword) || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
