import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-constraint-relaxed',
  area: 'api',
  on: ['bound-changed', 'unique-items-changed', 'additional-properties-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts request values that a bound, uniqueItems or additionalProperties of A rejected.',
  why:
    'Every value clients of A send is still accepted, so nothing breaks. Mid-rollout, a client that starts ' +
    'relying on the looser rule (a longer name, a bigger batch, a duplicate item, an extra property) is ' +
    'rejected with 400 whenever its call lands on A.',
  safe: 'Let clients rely on the looser rule only once every instance runs B.',
  seeAlso: [
    'oasdiff: request-property-max-increased',
    'oasdiff: request-property-min-decreased',
    'oasdiff: request-property-min-length-decreased',
    'oasdiff: request-body-max-length-increased',
    'oasdiff: request-parameter-max-items-increased',
    'oasdiff: request-parameter-min-items-decreased',
  ],
  check(change, report) {
    if (change.effect !== 'widened') return
    const fact =
      change.kind === 'bound-changed'
        ? describeBoundChange(change)
        : change.kind === 'unique-items-changed'
          ? 'uniqueItems removed'
          : 'additionalProperties widened'
    report({ message: schemaMessage(change, fact), at: change.at })
  },
})
