import type { Policy } from '../core/policy.js'

/** The names `rollsafe.config.*` may have, in the order they are looked for. */
export const configFileNames: ReadonlyArray<string> = [
  'rollsafe.config.yaml',
  'rollsafe.config.yml',
  'rollsafe.config.json',
]

/**
 * How a migrations folder holds its migrations; `auto` detects it. The same list is the `layout`
 * enum of `schema/rollsafe.config.schema.json` (a test keeps them equal).
 */
export const migrationLayouts = [
  'auto',
  'plain',
  'prisma',
  'drizzle',
  'flyway',
  'golang-migrate',
  'kysely',
  'node-pg-migrate',
] as const

export type MigrationLayoutName = (typeof migrationLayouts)[number]

/**
 * One API document to check. Without `old`, version A is the same path read from git at `--base`;
 * with `old`, the two files are compared as they are, `--base` or not.
 *
 * @example { new: 'openapi.yaml' }                  // `api: [openapi.yaml]`
 * @example { old: 'spec/v1.yaml', new: 'spec/v2.yaml' }
 */
export interface ApiDocument {
  readonly new: string
  readonly old?: string
}

/**
 * One folder of migrations. `history` lists migrations already applied (files or folders): they
 * are replayed as the starting schema and never reported. With `--base`, the files that exist at
 * the base are history instead.
 *
 * @example { path: 'db/migrations', layout: 'auto', history: [] }
 */
export interface MigrationSource {
  readonly path: string
  readonly layout: MigrationLayoutName
  readonly history: ReadonlyArray<string>
}

/**
 * A loaded, validated `rollsafe.config.yaml`, with defaults filled in. Paths are kept as written,
 * relative to `dir`, the config file's folder.
 *
 * @example
 * const config = loadConfig('rollsafe.config.yaml')
 * config.api // [{ new: 'openapi.yaml' }]
 * config.policy.failOn // 'error'
 */
export interface Config {
  /** The config file, as it is named in messages. */
  readonly file: string
  /** The absolute folder of the config file: paths in it are relative to this. */
  readonly dir: string
  readonly api: ReadonlyArray<ApiDocument>
  readonly migrations: ReadonlyArray<MigrationSource>
  /** Major version of the PostgreSQL server, when the config names it. */
  readonly postgresVersion?: number
  readonly policy: Policy
}
