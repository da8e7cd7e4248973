import type { HistoryChange } from '../db/history-change.js'
import { introspectSchema } from '../db/introspect/introspect-schema.js'
import type { MigrationFile } from '../db/migration-file.js'
import { schemaDrift } from '../db/schema-drift.js'
import type { SchemaModel } from '../db/schema-model.js'
import { applyMigrations, type ShadowWarning } from '../db/shadow/apply-migrations.js'
import { openShadowWithHistory } from '../db/shadow/history-snapshots.js'
import { extensionsUsed, openPGliteSession } from '../db/shadow/pglite-session.js'
import { openScratchDatabase } from '../db/shadow/scratch-database.js'
import type { SqlSession } from '../db/shadow/sql-session.js'
import type { TemplateVars } from '../db/templates.js'
import type { AppliedRecord } from './migration-runners.js'

/** A migration folder split at what the live database has run, and how far the live schema is off. */
export interface AppliedSplit {
  readonly applied: ReadonlyArray<MigrationFile>
  readonly pending: ReadonlyArray<MigrationFile>
  /** Where the split came from: the runner's table, or the schema comparison. */
  readonly by: string
  /** The live schema against what `applied` builds on the shadow database. */
  readonly drift: ReadonlyArray<HistoryChange>
}

export interface ShadowSettings {
  /** `--shadow-url`: a server for a scratch database; PGlite in this process when absent. */
  readonly shadowUrl?: string
  readonly vars: TemplateVars
  readonly warn: ShadowWarning
  /** Where drift findings point: the migration folder. */
  readonly folder: string
}

/** An empty shadow database, or one with `files` applied (a PGlite state is cached between runs). */
async function openShadow(files: ReadonlyArray<MigrationFile>, all: ReadonlyArray<MigrationFile>, settings: ShadowSettings): Promise<SqlSession> {
  const apply = (session: SqlSession, batch: ReadonlyArray<MigrationFile>) => applyMigrations(session, batch, settings.vars, settings.warn)
  if (settings.shadowUrl !== undefined) {
    const session = await openScratchDatabase(settings.shadowUrl)
    try {
      await apply(session, files)
      return session
    } catch (error) {
      await session.close()
      throw error
    }
  }
  const extensions = extensionsUsed(all.map((f) => f.text))
  if (files.length === 0) return openPGliteSession({ extensions })
  const steps = files.map((file) => ({ identity: `${file.text}\u0000${JSON.stringify(settings.vars)}`, apply: (s: SqlSession) => apply(s, [file]) }))
  return openShadowWithHistory(steps, { extensions })
}

/**
 * The runner's table says which migrations ran: those are applied to the shadow database, and its
 * schema is compared with the live one.
 *
 * @example const { pending, drift } = await splitByRecord(files, record, liveModel, settings)
 */
export async function splitByRecord(
  files: ReadonlyArray<MigrationFile>,
  record: AppliedRecord,
  live: SchemaModel,
  settings: ShadowSettings,
): Promise<AppliedSplit> {
  const applied = files.filter((f) => record.isApplied(f.path))
  const pending = files.filter((f) => !record.isApplied(f.path))
  const session = await openShadow(applied, files, settings)
  try {
    const built = (await introspectSchema(session.db)).model
    return { applied, pending, by: record.table, drift: schemaDrift(built, live, { file: settings.folder }) }
  } finally {
    await session.close()
  }
}

/**
 * No runner's table knows the folder: the migrations are applied one by one to the shadow database,
 * and the first prefix whose schema is closest to the live one (equal, unless the database drifted)
 * is what ran. A migration that changes no schema right after that prefix counts as pending.
 *
 * @example const { applied, pending } = await splitBySchema(files, liveModel, settings)
 */
export async function splitBySchema(files: ReadonlyArray<MigrationFile>, live: SchemaModel, settings: ShadowSettings): Promise<AppliedSplit> {
  const session = await openShadow([], files, settings)
  try {
    const at = { file: settings.folder }
    let best = { count: 0, drift: schemaDrift((await introspectSchema(session.db)).model, live, at) }
    for (let k = 1; k <= files.length && best.drift.length > 0; k++) {
      await applyMigrations(session, [files[k - 1]!], settings.vars, settings.warn)
      const drift = schemaDrift((await introspectSchema(session.db)).model, live, at)
      if (drift.length < best.drift.length) best = { count: k, drift }
    }
    return { applied: files.slice(0, best.count), pending: files.slice(best.count), by: 'the live schema', drift: best.drift }
  } finally {
    await session.close()
  }
}
