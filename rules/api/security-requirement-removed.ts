import { formatValues, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'security-requirement-removed',
  area: 'api',
  on: ['security-requirement-removed'],
  direction: 'none',
  severity: 'error',
  summary: 'Credentials that version A accepts for an operation no longer satisfy version B.',
  why:
    'Clients of A authenticate the way A allowed: with a scheme B dropped, with a token that lacks a scope ' +
    'B now demands, or anonymously where B requires credentials. Every such call that reaches B is ' +
    'rejected with 401 or 403, and the clients cannot fix that without new credentials.',
  safe:
    'Add the new requirement as an alternative (another entry in `security`) and keep accepting the old one ' +
    'until every client has moved, which you can see in your auth logs; then remove it. For new scopes, ' +
    'have tokens issued with them before the scopes become required.',
  seeAlso: [
    'oasdiff: api-security-removed',
    'oasdiff: api-security-scope-added',
    'oasdiff: api-global-security-removed',
    'oasdiff: api-global-security-scope-added',
  ],
  check(change, report) {
    const fact =
      change.schemes.length === 0
        ? 'anonymous access no longer allowed'
        : change.addedScopes.length > 0
          ? `security requirement ${formatValues(change.schemes, ' + ')} now also needs scope ${formatValues(change.addedScopes)}`
          : `security requirement ${formatValues(change.schemes, ' + ')} no longer accepted`
    report({ message: messageFor(change, fact), at: change.at })
  },
})
