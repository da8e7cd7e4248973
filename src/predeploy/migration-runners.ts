import { readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { SqlSession } from '../db/shadow/sql-session.js'

/** The migration tools whose bookkeeping table tells which migrations ran. */
export type RunnerName = 'kysely' | 'prisma' | 'drizzle' | 'golang-migrate' | 'flyway' | 'node-pg-migrate'

/** What a runner's table says: which of a folder's migration files ran. */
export interface AppliedRecord {
  readonly runner: RunnerName
  /** The table, `public.kysely_migration`, for messages. */
  readonly table: string
  /** Did this migration file (its path on disk) run? */
  isApplied(path: string): boolean
  /** Something to tell the user: a failed or half-applied migration. */
  readonly note?: string
}

type Rows = ReadonlyArray<Readonly<Record<string, unknown>>>

interface Runner {
  /** The bookkeeping table's name (in whichever schema it lives). */
  readonly table: string
  /** The folder layout (src/db/layouts) this runner reads. */
  readonly layout: string
  readonly query: (table: string) => string
  readonly record: (rows: Rows, table: string) => Omit<AppliedRecord, 'runner' | 'table'>
}

const stem = (path: string): string => basename(path).replace(/\.[^.]+$/, '')
const names = (rows: Rows, column: string): ReadonlySet<string> => new Set(rows.map((r) => String(r[column])))

/** Drizzle's migrator applies the journal entries created after the newest `created_at` it recorded. */
function drizzleApplied(path: string, newest: number): boolean {
  try {
    const journal = JSON.parse(readFileSync(join(dirname(path), 'meta', '_journal.json'), 'utf8')) as {
      entries?: ReadonlyArray<{ tag?: string; when?: number }>
    }
    const entry = journal.entries?.find((e) => e.tag === stem(path))
    return entry?.when !== undefined && entry.when <= newest
  } catch {
    return false
  }
}

const runners: Record<RunnerName, Runner> = {
  kysely: {
    table: 'kysely_migration',
    layout: 'kysely',
    query: (t) => `select name from ${t}`,
    record: (rows) => {
      const ran = names(rows, 'name')
      return { isApplied: (path) => ran.has(stem(path)) }
    },
  },
  prisma: {
    table: '_prisma_migrations',
    layout: 'prisma',
    query: (t) => `select migration_name, finished_at is not null as finished, rolled_back_at is not null as rolled_back from ${t}`,
    record: (rows, table) => {
      const ran = new Set(rows.filter((r) => r['finished'] && !r['rolled_back']).map((r) => String(r['migration_name'])))
      const failed = rows.filter((r) => !r['finished'] && !r['rolled_back']).map((r) => String(r['migration_name']))
      return {
        isApplied: (path) => ran.has(basename(dirname(path))),
        ...(failed.length === 0 ? {} : { note: `${table}: ${failed.join(', ')} started but never finished (prisma migrate resolve)` }),
      }
    },
  },
  drizzle: {
    table: '__drizzle_migrations',
    layout: 'drizzle',
    query: (t) => `select coalesce(max(created_at), 0)::float8 as newest from ${t}`,
    record: (rows) => {
      const newest = Number(rows[0]?.['newest'] ?? 0)
      return { isApplied: (path) => drizzleApplied(path, newest) }
    },
  },
  'golang-migrate': {
    table: 'schema_migrations',
    layout: 'golang-migrate',
    query: (t) => `select version::text as version, dirty from ${t}`,
    record: (rows, table) => {
      // golang-migrate keeps one row, the current version; dbmate and others keep one per migration.
      const versions = rows.map((r) => BigInt(String(r['version'])))
      const current = versions.length === 1 ? versions[0] : undefined
      const known = new Set(versions)
      const dirty = rows.some((r) => r['dirty'] === true)
      return {
        isApplied: (path) => {
          const version = /^\d+/.exec(basename(path))?.[0]
          if (version === undefined) return false
          return current === undefined ? known.has(BigInt(version)) : BigInt(version) <= current
        },
        ...(dirty ? { note: `${table}: version ${String(current)} is dirty: it failed half-way (migrate force)` } : {}),
      }
    },
  },
  flyway: {
    table: 'flyway_schema_history',
    layout: 'flyway',
    query: (t) => `select script, success from ${t}`,
    record: (rows, table) => {
      const ran = new Set(rows.filter((r) => r['success']).map((r) => String(r['script'])))
      const failed = rows.filter((r) => !r['success']).map((r) => String(r['script']))
      return {
        isApplied: (path) => ran.has(basename(path)),
        ...(failed.length === 0 ? {} : { note: `${table}: ${failed.join(', ')} failed (flyway repair)` }),
      }
    },
  },
  'node-pg-migrate': {
    table: 'pgmigrations',
    layout: 'node-pg-migrate',
    query: (t) => `select name from ${t}`,
    record: (rows) => {
      const ran = names(rows, 'name')
      return { isApplied: (path) => ran.has(stem(path)) }
    },
  },
}

const runnerNames = Object.keys(runners) as ReadonlyArray<RunnerName>

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`

/** The runners' tables present in the database: runner → `"schema"."table"`. */
async function findRunnerTables(session: SqlSession): Promise<ReadonlyMap<RunnerName, { schema: string; name: string }>> {
  const wanted = runnerNames.map((r) => `'${runners[r].table}'`).join(', ')
  const rows = await session.exec(`select n.nspname as schema, c.relname as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and c.relname in (${wanted}) and n.nspname not like 'pg\\_%' order by n.nspname = 'public' desc, n.nspname`)
  const found = new Map<RunnerName, { schema: string; name: string }>()
  for (const row of rows) {
    const runner = runnerNames.find((r) => runners[r].table === row['name'])
    if (runner !== undefined && !found.has(runner)) found.set(runner, { schema: String(row['schema']), name: String(row['name']) })
  }
  return found
}

/**
 * Every migration runner's record in the database (read inside the caller's read-only transaction):
 * kysely_migration, _prisma_migrations, __drizzle_migrations, schema_migrations (golang-migrate),
 * flyway_schema_history, pgmigrations (node-pg-migrate).
 *
 * @example
 * const records = await readAppliedRecords(session)
 * chooseRecord(records, 'prisma', files)?.isApplied('prisma/migrations/20260101_init/migration.sql')
 */
export async function readAppliedRecords(session: SqlSession): Promise<ReadonlyArray<AppliedRecord>> {
  const records: AppliedRecord[] = []
  for (const [runner, { schema, name }] of await findRunnerTables(session)) {
    const table = `${schema}.${name}`
    const rows = await session.exec(runners[runner].query(`${quote(schema)}.${quote(name)}`))
    records.push({ runner, table, ...runners[runner].record(rows, table) })
  }
  return records
}

/**
 * The runner tables' keys (`drizzle.__drizzle_migrations`, with Kysely's lock table), which the
 * migrations never create.
 *
 * @example bookkeepingTables(records) // Set { 'public.kysely_migration', 'public.kysely_migration_lock' }
 */
export function bookkeepingTables(records: ReadonlyArray<AppliedRecord>): ReadonlySet<string> {
  const extra: Partial<Record<RunnerName, string>> = { kysely: 'kysely_migration_lock' }
  return new Set(
    records.flatMap((r) => {
      const lock = extra[r.runner]
      return lock === undefined ? [r.table] : [r.table, `${r.table.split('.')[0]}.${lock}`]
    }),
  )
}

/**
 * The record that speaks for a folder: its layout's runner, else (plain SQL folders) the first
 * record that knows at least one of its files; undefined when no runner ever ran them.
 *
 * @example chooseRecord(records, 'plain', ['db/001_init.sql'])?.table // 'public.pgmigrations'
 */
export function chooseRecord(records: ReadonlyArray<AppliedRecord>, layout: string, paths: ReadonlyArray<string>): AppliedRecord | undefined {
  const own = records.find((r) => runners[r.runner].layout === layout)
  if (own !== undefined) return own
  return records.find((r) => paths.some((path) => r.isApplied(path)))
}
