import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-became-nullable',
  area: 'api',
  on: ['nullable-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts `null` for a request value where version A does not.',
  why:
    'Clients of A never send `null` here, so nothing breaks. Mid-rollout, a client that starts sending `null` ' +
    'is rejected with 400 whenever its call lands on A.',
  safe: 'Let clients send `null` only once every instance runs B.',
  seeAlso: [
    'oasdiff: request-body-became-nullable',
    'oasdiff: request-property-became-nullable',
    'oasdiff: request-parameter-became-nullable',
  ],
  check(change, report) {
    if (!change.nullable) return
    report({ message: schemaMessage(change, 'became nullable'), at: change.at })
  },
})
