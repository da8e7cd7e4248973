import { InputError } from '../core/errors.js'
import { readInputFile } from '../core/read-input-file.js'
import type { Analyzer } from '../db/check-db.js'
import type { SchemaSource } from '../db/schema-source.js'

/** `rollsafe db` flags for real databases: `--database-url`, `--trace`, `--shadow-url`. */
export const shadowFlags = {
  'database-url': { type: 'string' },
  trace: { type: 'boolean' },
  'shadow-url': { type: 'string' },
} as const

export const shadowUsage = `  --database-url URL            the starting schema, read from a live database (in a read-only transaction; never written)
  --trace                       run the migrations on a shadow database (embedded PGlite) and report the locks,
                                rewrites and hidden schema changes observed there instead of guessing them
  --shadow-url URL              with --trace: a PostgreSQL server where rollsafe creates, and drops, its own scratch database
`

/** What the real-database flags add to `checkDb`'s options. */
export interface ShadowCheckOptions {
  readonly schema?: SchemaSource
  readonly analyzer?: Analyzer
}

/**
 * Turns the flags into `checkDb` options: `--database-url` alone is the starting schema;
 * `--trace` replaces the static analyzer (then `--schema FILE` and the live schema are applied to
 * the shadow database). The modules behind them load only when a flag asks for them.
 *
 * @example
 * const extra = await shadowCheckOptions(values, values['schema'])
 * await checkDb(paths, { ...options, ...(extra.schema ? { schema: extra.schema } : {}), ...extra })
 */
export async function shadowCheckOptions(values: Readonly<Record<string, unknown>>, schemaFile: string | undefined): Promise<ShadowCheckOptions> {
  const databaseUrl = values['database-url'] as string | undefined
  const shadowUrl = values['shadow-url'] as string | undefined
  const trace = Boolean(values['trace'])
  if (shadowUrl !== undefined && !trace) throw new InputError('--shadow-url goes with --trace')
  if (databaseUrl !== undefined && schemaFile !== undefined) throw new InputError('give either --schema or --database-url, not both')
  if (trace) {
    const { traceAnalyzer } = await import('../db/shadow/trace-analyzer.js')
    const schemaFiles =
      schemaFile === undefined
        ? []
        : [{ path: schemaFile, text: readInputFile(schemaFile), transactional: false }]
    return { analyzer: traceAnalyzer({ schemaFiles, ...(shadowUrl === undefined ? {} : { shadowUrl }), ...(databaseUrl === undefined ? {} : { databaseUrl }) }) }
  }
  if (databaseUrl === undefined) return {}
  const { liveSchemaSource } = await import('../db/shadow/live-schema-source.js')
  return { schema: liveSchemaSource(databaseUrl) }
}
