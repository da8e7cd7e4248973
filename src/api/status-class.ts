/** `200`, `204`, `2XX`: a status that reports success. */
export function isSuccessStatus(status: string): boolean {
  return status.startsWith('2')
}

/**
 * Whether a response is where clients find the operation's result: a 2xx, or `default` when the
 * operation documents no other status below 400 (then `default` describes the success too).
 *
 * @example
 * isSuccessResponse('default', ['404']) // true: nothing else describes a success
 * isSuccessResponse('default', ['200']) // false
 */
export function isSuccessResponse(status: string, otherStatuses: ReadonlyArray<string>): boolean {
  if (isSuccessStatus(status)) return true
  return status === 'default' && otherStatuses.every((other) => other === 'default' || /^[45]/.test(other))
}
