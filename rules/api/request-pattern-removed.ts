import { describePatternChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-pattern-removed',
  area: 'api',
  on: ['pattern-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts any request string where version A required a pattern.',
  why:
    'Every string clients of A send still fits, so nothing breaks. Mid-rollout, a client that starts sending ' +
    'strings outside the old pattern is rejected by A with 400.',
  safe: 'Let clients send values outside the old pattern only once every instance runs B.',
  seeAlso: ['oasdiff: request-parameter-pattern-removed', 'oasdiff: request-property-pattern-removed'],
  check(change, report) {
    if (change.before.pattern === undefined || change.after.pattern !== undefined) return
    report({ message: schemaMessage(change, describePatternChange(change)), at: change.at })
  },
})
