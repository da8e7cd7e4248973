import { describeFormatChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-format-widened',
  area: 'api',
  on: ['format-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts request values in a wider format than version A.',
  why:
    'Every value clients of A send still fits, so nothing breaks (a `format` dropped, `int32` widened to ' +
    '`int64`). Mid-rollout, a client that starts sending values only B accepts is rejected by A.',
  safe: 'Let clients send values in the wider format only once every instance runs B.',
  seeAlso: ['oasdiff: request-property-type-generalized', 'oasdiff: request-parameter-type-generalized'],
  check(change, report) {
    if (change.effect !== 'widened') return
    report({ message: schemaMessage(change, describeFormatChange(change)), at: change.at })
  },
})
