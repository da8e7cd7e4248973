import { describePatternChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-pattern-changed',
  area: 'api',
  on: ['pattern-changed'],
  direction: 'request',
  severity: 'warning',
  summary: "Version B's pattern for a request string differs from version A's.",
  why:
    "rollsafe does not decide whether one regular expression accepts everything another does. If B's " +
    "pattern rejects some string that A's accepted (a shorter code, a new separator, a missing prefix), " +
    'clients of A that send such strings get 400 from B mid-rollout.',
  safe:
    "Check that every string A's pattern matches still matches B's (test both against real values from " +
    'logs). If not, keep the old pattern, or accept both (`^(old)$|^(new)$`) until clients send only the new shape.',
  seeAlso: ['oasdiff: request-parameter-pattern-changed', 'oasdiff: request-property-pattern-changed'],
  check(change, report) {
    if (change.before.pattern === undefined || change.after.pattern === undefined) return
    if (change.effect === 'widened') return // proven to accept every string A accepted
    report({ message: schemaMessage(change, describePatternChange(change)), at: change.at })
  },
})
