import { describeParameter, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-required-parameter-added',
  area: 'api',
  on: ['parameter-added'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B requires a request parameter that version A did not have.',
  why:
    'Clients of A do not send the parameter. Mid-rollout every call of theirs that reaches B is rejected ' +
    'with 400, or, where B does not validate, runs with the value missing that its code now expects.',
  safe:
    'Add the parameter as optional and let B fall back to the behaviour of A when it is missing (a server-side ' +
    'default). Make it required only after every client sends it, or introduce it in a new operation or API version.',
  seeAlso: [
    'oasdiff: new-required-request-parameter',
    'oasdiff: new-required-request-default-parameter-to-existing-path',
    'oasdiff: new-required-request-header-property',
  ],
  symmetryWaiver: 'Parameters exist only in requests; on the response side, headers are response-header-*.',
  check(change, report) {
    if (!change.after.required) return
    report({ message: messageFor(change, `required ${describeParameter(change.after)} added`), at: change.at })
  },
})
