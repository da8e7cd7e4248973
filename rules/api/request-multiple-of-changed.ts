import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-multiple-of-changed',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B accepts only numbers that are multiples of a different step than version A.',
  why:
    "Clients of A send numbers on A's grid (amounts in steps of 0.01, quantities in steps of 1). Values that are not " +
    "multiples of B's new step (0.05, say) are rejected by B with 400. A multipleOf that appears where A had none " +
    'does the same to every value off its grid.',
  safe:
    'Keep accepting the step of A and round inside B if it needs a coarser grid, or change the step only in a new API ' +
    "version. A finer step (B's step divides A's) is safe and is reported by request-constraint-relaxed.",
  check(change, report) {
    if (change.keyword !== 'multipleOf' || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
