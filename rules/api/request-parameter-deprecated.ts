import { describeParameter, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-parameter-deprecated',
  area: 'api',
  on: ['parameter-deprecated-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B marks a request parameter deprecated.',
  why:
    'Nothing breaks yet: B still accepts the parameter. Deprecation announces that it will go; clients that ' +
    'are not told what replaces it and by when keep sending it.',
  safe:
    'Say in the description what replaces the parameter and when it will be removed, keep honouring it until ' +
    'then, and remove it only once logs show clients stopped sending it.',
  seeAlso: ['oasdiff: request-parameter-deprecated'],
  symmetryWaiver: 'Parameters exist only in requests; deprecated response properties are response-property-deprecated.',
  check(change, report) {
    if (change.before.deprecated || !change.after.deprecated) return
    report({ message: messageFor(change, `${describeParameter(change.after)} deprecated`), at: change.at })
  },
})
