import type { Operation } from './model.js'
import { isSuccessResponse, isSuccessStatus } from './status-class.js'

/** `2XX` (as OpenAPI writes ranges, any case): a status that stands for a whole class. */
export function isStatusRange(status: string): boolean {
  return /^[1-5]xx$/i.test(status)
}

/** The statuses of an operation other than `status`, sorted. */
export function otherStatuses(operation: Operation, status: string): string[] {
  return [...operation.responses.keys()].filter((other) => other !== status).sort()
}

/**
 * The response of `other` that stands for `status` when `other` does not list `status` itself:
 * the range holding a code (`2XX` for `200`), else `default` when it is of the same kind (a
 * success for a 2xx, a failure for anything else; `default` is a success when nothing else below
 * 400 is documented). Clients read a status through the most specific entry that holds it, so
 * `200` replaced by `2XX`, or a `404` left to `default`, is no status gone: the two responses are
 * compared instead.
 *
 * @example
 * coveringStatus('200', { responses: { '2XX': …, '404': … } }) // '2XX'
 * coveringStatus('404', { responses: { '200': …, default: … } }) // 'default'
 * coveringStatus('200', { responses: { '201': …, default: … } }) // undefined: that default is an error
 */
export function coveringStatus(status: string, other: Operation): string | undefined {
  if (status === 'default') return undefined
  if (!isStatusRange(status)) {
    const range = `${status[0]}XX`
    const found = [...other.responses.keys()].find((key) => key.toUpperCase() === range)
    if (found !== undefined) return found
  }
  if (!other.responses.has('default')) return undefined
  const defaultIsSuccess = isSuccessResponse('default', otherStatuses(other, 'default'))
  return isSuccessStatus(status) === defaultIsSuccess ? 'default' : undefined
}

/**
 * The codes of `other` inside a range (`200`, `201` for `2XX`). A range A documented and B
 * replaced by codes of its class is no status gone: B answers with fewer statuses of the class,
 * each compared with A's range as its own addition (see `coveringStatus`).
 *
 * @example
 * codesInRange('2XX', { responses: { '200': …, '201': …, '404': … } }) // ['200', '201']
 */
export function codesInRange(range: string, other: Operation): string[] {
  const digit = range[0]
  return [...other.responses.keys()].filter((key) => !isStatusRange(key) && key !== 'default' && key[0] === digit).sort()
}
