import { describeParameter, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-parameter-became-required',
  area: 'api',
  on: ['parameter-required-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'A request parameter that version A treats as optional is required by version B.',
  why:
    'Clients of A may leave the parameter out, and many do. Mid-rollout their calls without it are rejected ' +
    'by B with 400.',
  safe:
    'Keep the parameter optional and give B a default that matches what A did without it. If it must become ' +
    'required, first get every client to send it (watch the logs), then make it required.',
  seeAlso: ['oasdiff: request-parameter-became-required', 'oasdiff: request-header-property-became-required'],
  symmetryWaiver: 'Parameters exist only in requests; on the response side, headers are response-header-*.',
  check(change, report) {
    if (change.before.required || !change.after.required) return
    report({ message: messageFor(change, `${describeParameter(change.after)} became required`), at: change.at })
  },
})
