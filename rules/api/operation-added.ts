import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'operation-added',
  area: 'api',
  on: ['operation-added'],
  direction: 'none',
  severity: 'info',
  summary: 'Version B serves an operation that version A does not have.',
  why:
    'Nothing breaks for clients of A. During the rollout, though, the new operation exists on only some ' +
    'instances: a client that calls it as soon as it appears gets 404 or 405 whenever its request lands on A.',
  safe:
    'Ship the operation first, and let clients (or the feature flag that exposes it) start calling it only ' +
    'once every instance runs B; the same goes for a rollback to A.',
  seeAlso: ['oasdiff: endpoint-added'],
  check(change, report) {
    report({ message: messageFor(change, 'operation added'), at: change.at })
  },
})
