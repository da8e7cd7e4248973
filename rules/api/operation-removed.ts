import { formatValue, messageFor } from '../../src/api/describe.js'
import type { Operation } from '../../src/api/model.js'
import { isPastSunset, sunsetDay } from '../../src/api/sunset.js'
import { defineRule } from '../../src/core/rule.js'

function removal(operation: Operation): string {
  if (!operation.deprecated) return 'operation removed without deprecation'
  if (operation.sunset === undefined) return 'deprecated operation removed without a sunset date'
  if (sunsetDay(operation.sunset) === undefined) {
    return `deprecated operation removed; its x-sunset ${formatValue(operation.sunset)} is not a date`
  }
  return `deprecated operation removed before its sunset date ${formatValue(operation.sunset)}`
}

export const rule = defineRule({
  id: 'operation-removed',
  area: 'api',
  on: ['operation-removed'],
  direction: 'none',
  severity: 'error',
  summary: 'An operation that version A serves is missing from version B before any announced sunset.',
  why:
    'Clients of A still call the operation. Mid-rollout every call that reaches an instance running B fails ' +
    'with 404 or 405, and after the rollout all of them do. Removals that were deprecated with an `x-sunset` ' +
    'date that has passed are reported by operation-removed-after-sunset instead.',
  safe:
    'Keep serving the operation and mark it `deprecated: true` with an `x-sunset` date (and a Sunset header, ' +
    'RFC 8594) that gives clients time to move; remove it in a release after that date, once traffic to it ' +
    'has stopped. If the operation moved, keep the old path as an alias that forwards to the new one.',
  seeAlso: [
    'oasdiff: api-removed-without-deprecation',
    'oasdiff: api-removed-before-sunset',
    'oasdiff: api-path-removed-without-deprecation',
    'oasdiff: api-path-removed-before-sunset',
  ],
  check(change, report, context) {
    if (isPastSunset(change.before, context.today)) return // announced and due: operation-removed-after-sunset
    report({ message: messageFor(change, removal(change.before)), at: change.at })
  },
})
