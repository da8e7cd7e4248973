import { describeParameter, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-parameter-removed',
  area: 'api',
  on: ['parameter-removed'],
  direction: 'request',
  severity: 'warning',
  summary: 'A request parameter that version A accepts is no longer declared by version B.',
  why:
    'Clients of A keep sending the parameter. Most servers ignore an unknown parameter, so the call ' +
    'succeeds but the filter, option or flag the client asked for silently stops applying; a server that ' +
    'validates strictly rejects the call with 400 instead.',
  safe:
    'Keep accepting the parameter, mark it `deprecated: true`, and remove it once clients stopped sending it ' +
    '(log its use to know). If its meaning moved elsewhere, keep honouring the old parameter by mapping it ' +
    'onto the new one meanwhile.',
  seeAlso: ['oasdiff: request-parameter-removed', 'oasdiff: request-parameter-removed-before-sunset'],
  symmetryWaiver: 'Parameters exist only in requests; on the response side, headers are response-header-*.',
  check(change, report) {
    report({ message: messageFor(change, `${describeParameter(change.before)} removed`), at: change.at })
  },
})
