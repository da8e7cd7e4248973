import { formatValue, messageFor } from '../../src/api/describe.js'
import { isPastSunset } from '../../src/api/sunset.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'operation-removed-after-sunset',
  area: 'api',
  on: ['operation-removed'],
  direction: 'none',
  severity: 'info',
  summary: 'A deprecated operation is removed on or after the sunset date version A announced.',
  why:
    'This is the planned end of a deprecation: clients were told by `deprecated` and `x-sunset` to stop ' +
    'calling the operation by this date. A client that did not migrate still gets 404 or 405 from B.',
  safe:
    'Before deploying, check that traffic to the operation has stopped (access logs, the Sunset header ' +
    'warnings clients saw); if some remains, move the `x-sunset` date later instead of removing the operation.',
  seeAlso: ['oasdiff: api-removed-with-deprecation', 'oasdiff: api-path-removed-with-deprecation'],
  check(change, report, context) {
    if (!isPastSunset(change.before, context.today)) return
    report({
      message: messageFor(change, `deprecated operation removed after its sunset date ${formatValue(change.before.sunset)}`),
      at: change.at,
    })
  },
})
