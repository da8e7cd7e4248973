import type { Location } from '../core/finding.js'

/**
 * `file:line:col`, `file:line` or `file`, as far as the place is known, and the revision it is in
 * when that is not the working tree.
 *
 * @example formatPlace({ file: 'openapi.yaml', line: 40, column: 11 }) // 'openapi.yaml:40:11'
 * @example formatPlace({ file: 'openapi.yaml', line: 7, revision: 'origin/main' }) // 'openapi.yaml:7 (at origin/main)'
 */
export function formatPlace(location: Location): string {
  const { file, line, column, revision } = location
  const place = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`
  return revision === undefined ? place : `${place} (at ${revision})`
}
