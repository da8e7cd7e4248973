import { describePatternChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-pattern-added',
  area: 'api',
  on: ['pattern-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response value now matches a pattern: version B returns a subset of what A returned.',
  why: 'Every value B can send is a value clients of A already accepted, so nothing breaks.',
  safe: 'Nothing to do for clients of A.',
  seeAlso: ['oasdiff: response-property-pattern-added'],
  check(change, report) {
    if (change.before.pattern !== undefined || change.after.pattern === undefined) return
    report({ message: schemaMessage(change, describePatternChange(change)), at: change.at })
  },
})
