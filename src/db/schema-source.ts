import { readInputFile } from '../core/read-input-file.js'
import { analyzeMigrations, type AnalyzeOptions } from './analyze.js'
import { initParser } from './parse-sql.js'
import type { SchemaModel } from './schema-model.js'

/**
 * Where a starting schema comes from. Static replay of a SQL file today; a live database
 * (`--database-url`) or a PGlite shadow plugs in behind the same interface.
 *
 * @example
 * const base = await sqlSchemaSource('schema.sql').load({ pgVersion: 15 })
 */
export interface SchemaSource {
  /** The file or URL, for messages. */
  readonly name: string
  load(options: AnalyzeOptions): Promise<SchemaModel>
}

/** A schema file (DDL, or a `pg_dump --schema-only`) replayed statically; its objects count as `existing`. */
export function sqlSchemaSource(path: string): SchemaSource {
  return {
    name: path,
    async load(options) {
      await initParser()
      return analyzeMigrations([], options, [{ path, text: readInputFile(path), transactional: false }]).schema
    },
  }
}
