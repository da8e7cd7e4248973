import { schemaMessage } from '../../src/api/describe-change.js'
import { describeEnumValue } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-enum-value-added',
  area: 'api',
  on: ['enum-value-added'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts a request enum value that version A does not.',
  why:
    'Clients of A only send values A knows, which B still accepts. Mid-rollout, a client that starts sending ' +
    'the new value is rejected with 400 whenever its call lands on A. If the same enum also appears in a ' +
    'response, clients of A may soon read the new value back: see response-enum-value-added.',
  safe: 'Let clients send the new value only once every instance runs B.',
  seeAlso: [
    'oasdiff: request-property-enum-value-added',
    'oasdiff: request-parameter-enum-value-added',
    'oasdiff: request-parameter-property-enum-value-added',
  ],
  check(change, report) {
    report({ message: schemaMessage(change, describeEnumValue(change)), at: change.at })
  },
})
