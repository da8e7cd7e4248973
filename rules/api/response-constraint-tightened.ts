import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-constraint-tightened',
  area: 'api',
  on: ['bound-changed', 'unique-items-changed', 'additional-properties-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response constraint got stricter: version B returns a subset of the values A returned.',
  why: "Every value B can send also satisfies A's constraint, so clients of A are unaffected.",
  safe: 'Nothing to do for clients of A.',
  check(change, report) {
    if (change.effect !== 'narrowed') return
    switch (change.kind) {
      case 'bound-changed':
        return report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
      case 'unique-items-changed':
        return report({ message: schemaMessage(change, 'uniqueItems added'), at: change.at })
      case 'additional-properties-changed':
        return report({ message: schemaMessage(change, 'additionalProperties narrowed'), at: change.at })
    }
  },
})
