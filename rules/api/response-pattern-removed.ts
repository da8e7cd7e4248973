import { describePatternChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-pattern-removed',
  area: 'api',
  on: ['pattern-changed'],
  direction: 'response',
  severity: 'warning',
  summary: 'A response value that matched a pattern in version A may be any string in version B.',
  why:
    'Clients of A may rely on the pattern: they parse an id by its prefix, split a code on its separator, or validate responses strictly. Values from B need not match any more, and such clients fail on them.',
  safe:
    'Keep returning values that match the old pattern and keep it in the contract; if the values must change, send them in a new property.',
  seeAlso: ['oasdiff: response-property-pattern-removed'],
  check(change, report) {
    if (change.after.pattern !== undefined || change.before.pattern === undefined) return
    report({ message: schemaMessage(change, describePatternChange(change)), at: change.at })
  },
})
