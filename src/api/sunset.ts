import type { Operation } from './model.js'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/**
 * The day an `x-sunset` value names: `2026-06-01T00:00:00Z` → `2026-06-01`; `undefined` when absent
 * or not an RFC 3339 date.
 *
 * @example
 * sunsetDay('2026-06-01') // '2026-06-01'
 * sunsetDay('soon') // undefined
 */
export function sunsetDay(sunset: string | undefined): string | undefined {
  const day = sunset?.slice(0, 10)
  return day !== undefined && isoDate.test(day) ? day : undefined
}

/**
 * True when removing the operation was announced and is due: it is deprecated and its `x-sunset`
 * day is `today` or earlier.
 *
 * @example
 * isPastSunset(operation, '2026-01-01') // deprecated, x-sunset 2025-12-31 → true
 */
export function isPastSunset(operation: Operation, today: string): boolean {
  const day = sunsetDay(operation.sunset)
  return operation.deprecated && day !== undefined && day <= today
}
