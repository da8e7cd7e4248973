import { InputError } from '../../core/errors.js'
import { analyzeMigrations, type Analysis } from '../analyze.js'
import type { DbChange } from '../change.js'
import type { Analyzer } from '../check-db.js'
import { introspectSchema, type IntrospectedSchema } from '../introspect/introspect-schema.js'
import type { MigrationFile } from '../migration-file.js'
import { initParser } from '../parse-sql.js'
import { someNode } from '../pg-ast.js'
import type { TemplateVars } from '../templates.js'
import { applyMigrations, shadowError, type ShadowWarning } from './apply-migrations.js'
import { applySchemaCopy, copyLiveSchema } from './copy-live-schema.js'
import { mergeTrace, type StatementTrace } from './merge-trace.js'
import { observedChanges } from './observed-changes.js'
import { openShadowWithHistory, type HistoryStep } from './history-snapshots.js'
import { extensionsUsed } from './pglite-session.js'
import { redactUrl } from './redact-url.js'
import { openScratchDatabase } from './scratch-database.js'
import type { SqlSession } from './sql-session.js'
import { StatementTracer } from './trace-statement.js'

export interface TraceOptions {
  /** `--shadow-url`: the server where rollsafe makes (and drops) its scratch database; PGlite when absent. */
  readonly shadowUrl?: string
  /** `--schema FILE`: applied to the shadow database before the history. */
  readonly schemaFiles?: ReadonlyArray<MigrationFile>
  /** `--database-url`: the live schema (read-only) copied to the shadow database before the history. */
  readonly databaseUrl?: string
  /** An open shadow session to use instead of opening one; the caller closes it. */
  readonly session?: SqlSession
  /**
   * Receives each statement the shadow database rejected (rollsafe goes on without it: the static
   * analysis stands for a checked one). Default: a line on stderr, at most 20 of them.
   */
  readonly onWarning?: ShadowWarning
}

/** At most `limit` warnings on stderr, then one line counting the rest. */
function stderrWarnings(limit = 20): { readonly warn: ShadowWarning; done(): void } {
  let count = 0
  return {
    warn(message) {
      count++
      if (count <= limit) process.stderr.write(`rollsafe: warning: ${message}\n`)
    },
    done() {
      if (count > limit) process.stderr.write(`rollsafe: warning: … and ${count - limit} more statements the shadow database rejected\n`)
    },
  }
}

type StatementChange = Extract<DbChange, { kind: 'statement' }>

/** Statements whose schema changes static analysis cannot see: they run code. */
function hidesSchemaChanges(statement: StatementChange['statement']): boolean {
  if (statement.type === 'DoStmt' || statement.type === 'CallStmt' || statement.type === 'ExecuteStmt') return true
  return statement.type === 'SelectStmt' && someNode(statement.node, (type) => type === 'FuncCall')
}

/**
 * Runs every checked statement (as the static analysis parsed it: one `statement` change each) on
 * the shadow database, observing each. The files' own BEGIN/COMMIT are left out: every statement
 * runs in a transaction of its own.
 */
async function traceStatements(session: SqlSession, changes: ReadonlyArray<DbChange>, warn: ShadowWarning, pgVersion?: number): Promise<StatementTrace[]> {
  const tracer = new StatementTracer(session)
  const traces: StatementTrace[] = []
  for (const change of changes) {
    if (change.kind !== 'statement' || change.transactionControl !== undefined) continue
    const { statement, at } = change
    const before: IntrospectedSchema | undefined = hidesSchemaChanges(statement) ? await introspectSchema(session.db) : undefined
    let found: DbChange[] = []
    try {
      const observation = await tracer.run(statement.text, async () => {
        if (before !== undefined) found = observedChanges(before, await introspectSchema(session.db), at.file, pgVersion)
      })
      traces.push({ file: at.file, index: statement.index, observation, changes: found })
    } catch (error) {
      if (error instanceof InputError) throw error
      warn(`${shadowError(at, statement.text, error, session.engine).message} (not observed: the static analysis stands)`)
    }
  }
  return traces
}

/**
 * The shadow database with the live schema copy, `--schema` and the history applied: a scratch
 * database on `--shadow-url`, else PGlite (with the extensions the SQL asks for), where the state
 * after the history is cached between runs.
 */
async function openShadow(
  trace: TraceOptions,
  copy: ReadonlyArray<string>,
  applied: ReadonlyArray<MigrationFile>,
  checked: ReadonlyArray<MigrationFile>,
  vars: TemplateVars,
  warn: ShadowWarning,
): Promise<SqlSession> {
  const { databaseUrl, shadowUrl } = trace
  let warned = false
  const noted: ShadowWarning = (message) => {
    warned = true
    warn(message)
  }
  const copyStep = { identity: copy.join(';\n'), apply: (s: SqlSession) => applySchemaCopy(s, copy, redactUrl(databaseUrl ?? '')) }
  const steps: HistoryStep[] = [
    ...(databaseUrl === undefined ? [] : [copyStep]),
    ...applied.map((file) => ({ identity: `${file.text}\u0000${JSON.stringify(vars)}`, apply: (s: SqlSession) => applyMigrations(s, [file], vars, noted) })),
  ]
  if (trace.session !== undefined) {
    for (const step of steps) await step.apply(trace.session)
    return trace.session
  }
  if (shadowUrl === undefined) {
    // A history the shadow database partly rejected is not cached: its warnings must show every time.
    const extensions = extensionsUsed([...copy, ...[...applied, ...checked].map((f) => f.text)])
    return openShadowWithHistory(steps, { extensions, cacheable: () => !warned })
  }
  const session = await openScratchDatabase(shadowUrl)
  try {
    for (const step of steps) await step.apply(session)
    return session
  } catch (error) {
    await session.close()
    throw error
  }
}

/**
 * `--trace`: the analyzer that uses a real PostgreSQL. The live schema (`--database-url`, copied
 * without rows), `--schema` and the history are applied to a shadow database (PGlite in this
 * process, or a scratch database on `--shadow-url`); its introspected schema is where the checked
 * migrations start; they are analysed statically, then
 * run statement by statement on the shadow database, and what it showed (locks, rewrites, schema
 * changes hidden in code) replaces the static guesses. The shadow database is closed (dropped)
 * in every case.
 *
 * @example
 * const { findings } = await checkDb(['migrations/0042.sql'], { today, history: ['migrations/'], analyzer: traceAnalyzer({}) })
 */
export function traceAnalyzer(trace: TraceOptions = {}): Analyzer {
  return async (files, options, history): Promise<Analysis> => {
    const applied = [...(trace.schemaFiles ?? []), ...history]
    const copy = trace.databaseUrl === undefined ? [] : await copyLiveSchema(trace.databaseUrl)
    await initParser()
    const warnings = trace.onWarning === undefined ? stderrWarnings() : { warn: trace.onWarning, done: () => {} }
    const session = await openShadow(trace, copy, applied, files, options.vars ?? {}, warnings.warn)
    try {
      const base = await introspectSchema(session.db)
      const analysis = analyzeMigrations(files, options, [], base.model)
      const traces = await traceStatements(session, analysis.changes, warnings.warn, options.pgVersion)
      return { ...analysis, changes: mergeTrace(analysis.changes, traces) }
    } finally {
      warnings.done()
      if (trace.session === undefined) await session.close()
    }
  }
}
