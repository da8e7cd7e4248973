import { describePatternChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-pattern-changed',
  area: 'api',
  on: ['pattern-changed'],
  direction: 'response',
  severity: 'warning',
  summary: "The pattern of a response value changed, and version B may return values that do not match A's.",
  why:
    "Clients of A may parse or validate the value by A's pattern. rollsafe cannot prove that every string matching B's pattern also matches A's, so values from B may fail those clients.",
  safe:
    "Keep values matching A's pattern in this field, or keep the old pattern and send the new values in a new property. If B's pattern only narrows A's (every match of B's also matches A's), ignore this finding with that reason.",
  seeAlso: ['oasdiff: response-property-pattern-changed'],
  check(change, report) {
    const { before, after } = change
    if (before.pattern === undefined || after.pattern === undefined || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describePatternChange(change)), at: change.at })
  },
})
