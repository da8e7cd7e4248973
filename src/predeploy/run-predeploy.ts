import { posix, relative } from 'node:path'
import { checkApi } from '../api/check-api.js'
import type { Finding } from '../core/finding.js'
import { rulesOf } from '../core/registry.js'
import { runRules } from '../core/run-rules.js'
import { analyzeMigrations } from '../db/analyze.js'
import { lintChanges } from '../db/check-db.js'
import { introspectSchema, type IntrospectedSchema } from '../db/introspect/introspect-schema.js'
import { detectLayout } from '../db/layouts/detect-layout.js'
import { readMigrationFolder } from '../db/layouts/read-folder.js'
import { initParser } from '../db/parse-sql.js'
import { withoutTables } from '../db/schema-drift.js'
import { readLiveDatabase } from '../db/shadow/live-schema-source.js'
import { redactUrl } from '../db/shadow/redact-url.js'
import type { TemplateVars } from '../db/templates.js'
import { bookkeepingTables, chooseRecord, readAppliedRecords, type AppliedRecord } from './migration-runners.js'
import { rankLockFindings } from './rank-lock-findings.js'
import { splitByRecord, splitBySchema } from './split-applied.js'
import { readTableSizes, type TableSize } from './table-sizes.js'

/** One migration folder: where it is on disk, how findings name it, its layout (`auto` detects it). */
export interface PredeployFolder {
  readonly dir: string
  readonly shown: string
  readonly layout: string
}

export interface PredeployOptions {
  /** The live database; only ever read, in one READ ONLY transaction. */
  readonly databaseUrl: string
  readonly folders: ReadonlyArray<PredeployFolder>
  /** `--api-deployed FILE --api NEW`: the API running now and the one about to be deployed. */
  readonly api?: { readonly deployed: string; readonly next: string }
  /** `--shadow-url`: where the applied migrations are replayed; PGlite when absent. */
  readonly shadowUrl?: string
  /** Lock facts for this major version; the live server's own by default. */
  readonly pgVersion?: number
  readonly vars?: TemplateVars
  readonly today: string
  /** Lines for stderr: what is pending, what the runner's table says is broken. */
  readonly note?: (message: string) => void
}

interface LiveState {
  readonly schema: IntrospectedSchema
  readonly sizes: ReadonlyMap<string, TableSize>
  readonly records: ReadonlyArray<AppliedRecord>
  readonly version: number
}

/** Everything predeploy reads from the live database, in one snapshot. */
function readLiveState(url: string): Promise<LiveState> {
  return readLiveDatabase(url, async (session) => {
    const schema = await introspectSchema(session.db)
    const sizes = await readTableSizes(session)
    const records = await readAppliedRecords(session)
    const [row] = await session.exec("select current_setting('server_version_num')::int as version")
    return { schema, sizes, records, version: Math.floor(Number(row?.['version'] ?? 150000) / 10000) }
  })
}

async function checkFolder(folder: PredeployFolder, live: LiveState, options: PredeployOptions): Promise<ReadonlyArray<Finding>> {
  const note = options.note ?? (() => {})
  const files = await readMigrationFolder(folder.dir, folder.layout)
  const layout = folder.layout === 'auto' ? ((await detectLayout(folder.dir))?.name ?? 'plain') : folder.layout
  const record = chooseRecord(live.records, layout, files.map((f) => f.path))
  const liveModel = withoutTables(live.schema.model, bookkeepingTables(live.records))
  const settings = {
    ...(options.shadowUrl === undefined ? {} : { shadowUrl: options.shadowUrl }),
    vars: options.vars ?? {},
    warn: (message: string) => note(`the shadow database rejected an applied migration: ${message}`),
    folder: folder.shown,
  }
  const split = record === undefined ? await splitBySchema(files, liveModel, settings) : await splitByRecord(files, record, liveModel, settings)
  if (record?.note !== undefined) note(record.note)
  const names = split.pending.map((f) => relative(folder.dir, f.path).replace(/\\/g, '/'))
  note(`${folder.shown}: ${split.applied.length} applied (by ${split.by}), ${split.pending.length} pending${names.length === 0 ? '' : `: ${names.join(', ')}`}`)
  const drift = runRules(split.drift, rulesOf('db'), { context: { today: options.today } })
  if (split.pending.length === 0) return drift
  await initParser()
  const pending = split.pending.map((f, i) => ({ ...f, path: posix.join(folder.shown, names[i] ?? '') }))
  const analyze = { pgVersion: options.pgVersion ?? live.version, vars: options.vars ?? {} }
  const analysis = analyzeMigrations(pending, analyze, [], live.schema.model)
  const { findings } = lintChanges(analysis.changes, analysis.ignores, { ...analyze, today: options.today })
  return [...rankLockFindings(findings, analysis.changes, live.sizes), ...drift]
}

/**
 * `rollsafe predeploy`: before a deploy, against the live database (read-only). For each migration
 * folder: which migrations already ran (the runner's own table, else the first prefix whose schema
 * matches the live one), whether the live schema drifted from what those build on a shadow
 * database, and the pending migrations checked against the live schema, lock findings ranked by the
 * live table sizes with an estimated time. Returns every finding, before policy, in that order.
 *
 * @example
 * const { findings } = await runPredeploy({ databaseUrl, folders: [{ dir: 'db/migrations', shown: 'db/migrations', layout: 'auto' }], today })
 */
export async function runPredeploy(options: PredeployOptions): Promise<{ readonly findings: ReadonlyArray<Finding>; readonly title: string }> {
  const live = await readLiveState(options.databaseUrl)
  const findings: Finding[] = []
  for (const folder of options.folders) findings.push(...(await checkFolder(folder, live, options)))
  if (options.api !== undefined) findings.push(...(await checkApi(options.api.deployed, options.api.next, { today: options.today })))
  const what = [...options.folders.map((f) => f.shown), ...(options.api === undefined ? [] : [options.api.next])]
  return { findings, title: `${what.join(', ')} before deploying to ${redactUrl(options.databaseUrl)}` }
}
