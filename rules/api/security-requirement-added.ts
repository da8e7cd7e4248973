import { formatValues, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'security-requirement-added',
  area: 'api',
  on: ['security-requirement-added'],
  direction: 'none',
  severity: 'info',
  summary: 'Version B accepts a way to authenticate that version A does not.',
  why:
    'Nothing breaks: what A accepted, B still accepts (a requirement that replaced one of A is reported by ' +
    'security-requirement-removed). Mid-rollout, though, a client that switches to the new credentials ' +
    'is rejected whenever its call lands on A.',
  safe: 'Let clients use the new way to authenticate only once every instance runs B, and keep accepting the old way.',
  seeAlso: ['oasdiff: api-security-added', 'oasdiff: api-global-security-added'],
  check(change, report) {
    const fact =
      change.schemes.length === 0
        ? 'anonymous access allowed'
        : `security requirement ${formatValues(change.schemes, ' + ')} accepted`
    report({ message: messageFor(change, fact), at: change.at })
  },
})
