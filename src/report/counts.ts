import type { Summary } from '../core/policy.js'

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * The counts line every human-readable format ends or starts with.
 *
 * @example describeCounts({ error: 1, warning: 2, info: 0, ignored: 1 }) // '1 error, 2 warnings, 0 info, 1 ignored'
 */
export function describeCounts(summary: Summary): string {
  const { error, warning, info, ignored } = summary
  const accepted = ignored > 0 ? `, ${ignored} ignored` : ''
  return `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info${accepted}`
}
