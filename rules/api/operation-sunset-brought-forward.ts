import { formatValue, messageFor } from '../../src/api/describe.js'
import { operationFieldRef } from '../../src/api/operation-field-ref.js'
import { sunsetDay } from '../../src/api/sunset.js'
import { defineRule } from '../../src/core/rule.js'

function shortening(from: string | undefined, to: string | undefined): string | undefined {
  if (from === undefined) return undefined // a first sunset date is an announcement, not a change of one
  if (to === undefined) return `sunset date ${formatValue(from)} removed while the operation stays deprecated`
  const [before, after] = [sunsetDay(from), sunsetDay(to)]
  if (after === undefined) return `sunset date changed from ${formatValue(from)} to ${formatValue(to)}, which is not a date`
  if (before !== undefined && after < before) return `sunset date brought forward from ${formatValue(from)} to ${formatValue(to)}`
  return undefined
}

export const rule = defineRule({
  id: 'operation-sunset-brought-forward',
  area: 'api',
  on: ['operation-sunset-changed'],
  direction: 'none',
  severity: 'error',
  summary: 'A deprecated operation gets an earlier sunset date than version A announced, or loses it.',
  why:
    'Clients schedule their migration by the announced `x-sunset` date. Moving it earlier leaves them less ' +
    'time than they were promised; removing it while the operation stays deprecated withdraws the promise, ' +
    'so the operation may now go at any moment and clients cannot plan.',
  safe:
    'Only ever move a sunset date later. If the operation must go sooner, announce the new date to its ' +
    'clients first and give them at least the notice period your API policy promises.',
  seeAlso: ['oasdiff: sunset-deleted', 'oasdiff: api-sunset-date-changed-too-small'],
  check(change, report) {
    if (!change.after.deprecated) return // reactivation is operation-reactivated
    const fact = shortening(change.before.sunset, change.after.sunset)
    if (fact === undefined) return
    const at = change.after.sunset === undefined ? change.at : operationFieldRef(change.after, 'x-sunset')
    report({ message: messageFor(change, fact), at })
  },
})
