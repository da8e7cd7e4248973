import type { Finding } from '../core/finding.js'
import { lintChanges, type CheckDbOptions } from './check-db.js'
import { diffSchemas, type RenameHint } from './diff-schemas.js'
import type { SchemaSource } from './schema-source.js'

export { parseRenames } from './diff-schemas.js'

/**
 * `rollsafe db --from OLD --to NEW`: the verdicts a migration from OLD to NEW would get.
 *
 * @example
 * await checkSchemaDiff(sqlSchemaSource('v1.sql'), sqlSchemaSource('v2.sql'), { today: '2026-01-01', renames: [] })
 */
export async function checkSchemaDiff(
  from: SchemaSource,
  to: SchemaSource,
  options: CheckDbOptions & { readonly renames: ReadonlyArray<RenameHint> },
): Promise<ReadonlyArray<Finding>> {
  const [before, after] = await Promise.all([from.load(options), to.load(options)])
  const changes = diffSchemas(before, after, { from: from.name, to: to.name }, options.renames, options.pgVersion)
  return lintChanges(changes, [], options).findings
}
