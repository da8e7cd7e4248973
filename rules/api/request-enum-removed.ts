import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-enum-removed',
  area: 'api',
  on: ['enum-removed'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts any value of the type where version A limited a request value to an enum.',
  why:
    'Every value clients of A send is still accepted, so nothing breaks. Mid-rollout, a client that starts ' +
    'sending a value outside the old enum is rejected by A; if the value is echoed in responses, clients of ' +
    'A may read values they do not know (see response-enum-removed).',
  safe: 'Let clients send values outside the old enum only once every instance runs B.',
  seeAlso: ['oasdiff: request-body-const-removed', 'oasdiff: request-property-const-removed'],
  check(change, report) {
    report({ message: schemaMessage(change, 'no longer limited to an enum'), at: change.at })
  },
})
