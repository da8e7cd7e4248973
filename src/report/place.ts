import type { Location } from '../core/finding.js'

/**
 * `file:line:col`, `file:line` or `file`, as far as the place is known.
 *
 * @example formatPlace({ file: 'openapi.yaml', line: 40, column: 11 }) // 'openapi.yaml:40:11'
 */
export function formatPlace(location: Location): string {
  const { file, line, column } = location
  if (line === undefined) return file
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`
}
