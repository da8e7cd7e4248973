import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'operation-reactivated',
  area: 'api',
  on: ['operation-deprecated-changed'],
  direction: 'none',
  severity: 'info',
  summary: 'An operation that version A marks deprecated is no longer deprecated in version B.',
  why:
    'Nothing breaks: the operation stays. Clients that already moved away because of the deprecation did ' +
    'so for nothing, and those who were told a sunset date may still plan for it.',
  safe: 'Tell clients the operation is supported again, and drop any `x-sunset` date and Sunset header it still carries.',
  seeAlso: ['oasdiff: endpoint-reactivated'],
  check(change, report) {
    if (!change.before.deprecated || change.after.deprecated) return
    report({ message: messageFor(change, 'operation no longer deprecated'), at: change.at })
  },
})
