import { describeParameter, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-parameter-became-optional',
  area: 'api',
  on: ['parameter-required-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'A request parameter that version A requires is optional in version B.',
  why:
    'Clients of A always send the parameter, so they keep working. Mid-rollout, a client that starts ' +
    'leaving it out is rejected with 400 whenever its call lands on A.',
  safe: 'Let clients omit the parameter only once every instance runs B.',
  seeAlso: ['oasdiff: request-parameter-became-optional'],
  symmetryWaiver: 'Parameters exist only in requests; on the response side, headers are response-header-*.',
  check(change, report) {
    if (!change.before.required || change.after.required) return
    report({ message: messageFor(change, `${describeParameter(change.after)} became optional`), at: change.at })
  },
})
