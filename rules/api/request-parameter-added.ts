import { describeParameter, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-parameter-added',
  area: 'api',
  on: ['parameter-added'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts an optional request parameter that version A did not have.',
  why:
    'Clients of A do not send it, and B treats it as optional, so they keep working. Mid-rollout, a client ' +
    'that starts sending it has it silently ignored whenever its call lands on A.',
  safe:
    'Give the parameter a default that reproduces the behaviour of A, and let clients rely on it only once ' +
    'every instance runs B.',
  seeAlso: ['oasdiff: new-optional-request-parameter', 'oasdiff: new-optional-request-default-parameter-to-existing-path'],
  symmetryWaiver: 'Parameters exist only in requests; on the response side, headers are response-header-*.',
  check(change, report) {
    if (change.after.required) return
    report({ message: messageFor(change, `optional ${describeParameter(change.after)} added`), at: change.at })
  },
})
