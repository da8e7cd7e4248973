import type { DbChange, DbChangeDetail, HeldLock, StatementRef } from './change.js'
import { lockFacts, strongest, type LockFacts } from './lock-facts.js'
import { settleOrigins, touchedKeys } from './origins.js'
import type { ParsedFile, ParsedStatement } from './parse-sql.js'
import { applyStatement } from './replay/apply-statement.js'
import { originOf, type Emitted, type ReplayScope } from './replay/scope.js'
import type { ObjectOrigin, SchemaModel } from './schema-model.js'
import { stampDefinitions } from './stamp-definitions.js'
import { settingOf, TransactionTracker, transactionControl } from './transaction-tracker.js'

/** What carries over from one migration file to the next. */
export interface RunState {
  readonly schema: SchemaModel
  readonly searchPath: ReadonlyArray<string>
}

export interface FileRunOptions {
  /** The runner wraps the whole file in one transaction. */
  readonly transactional: boolean
  readonly pgVersion: number
  /** History files: replayed for state; what they create counts as `existing`. */
  readonly history: boolean
}

const opaqueTypes = new Set(['DoStmt', 'CreateFunctionStmt', 'CallStmt'])

function searchPathOf(value: string | undefined): ReadonlyArray<string> {
  if (value === undefined || value.trim() === '') return ['public']
  const parts = value.split(',').map((p) => p.trim().replace(/^"|"$/g, '')).filter((p) => p !== '' && p !== '$user')
  return parts.length === 0 ? ['public'] : parts
}

function lookupOrigin(schema: SchemaModel, key: string): ObjectOrigin {
  return originOf(schema.tables.get(key) ?? schema.indexes.get(key) ?? schema.views.get(key))
}

interface Pending {
  readonly statement: ParsedStatement
  readonly before: SchemaModel
  readonly emitted: ReadonlyArray<Emitted>
  readonly locks: ReadonlyArray<LockFacts>
  readonly tx: Omit<DbChange['tx'], 'following'>
  readonly control: ReturnType<typeof transactionControl>
  readonly setting: ReturnType<typeof settingOf>
}

/** The locks a statement takes: its actions' and the extra ones, those with a level. */
function takenLocks(emitted: ReadonlyArray<Emitted>, extra: ReadonlyArray<LockFacts> | undefined): LockFacts[] {
  const locks: LockFacts[] = []
  for (const e of emitted) if (e.lock.level !== undefined) locks.push(e.lock)
  if (extra !== undefined) for (const l of extra) if (l.level !== undefined) locks.push(l)
  return locks
}

/**
 * Replays one parsed migration file from `state`: the state after it and, per statement, a
 * `statement` change plus one change per action (see src/db/change.ts).
 */
export function replayFile(parsed: ParsedFile, state: RunState, options: FileRunOptions): { state: RunState; changes: DbChange[] } {
  const statements = parsed.statements
  const controls = statements.map((s) => transactionControl(s.node))
  const work = controls.filter((c) => c === undefined).length
  // A single statement sent alone runs like autocommit even when the runner "wraps" it.
  const tracker = new TransactionTracker(options.transactional && work > 1)
  let schema = state.schema
  let searchPath = state.searchPath
  const pending: Pending[] = []
  const touched = new Set<string>()
  for (const [i, statement] of statements.entries()) {
    const control = controls[i]
    const setting = settingOf(statement.node)
    const scope: ReplayScope = { searchPath, pgVersion: options.pgVersion }
    const effect = applyStatement(statement.node, schema, scope)
    const locks = takenLocks(effect.emitted, effect.locks)
    const tx = tracker.before(control)
    const before = schema
    // The origin of a table a lock is on: as this statement's last action on it says, else as the schema before says.
    const tableOrigin = (table: string): ObjectOrigin => {
      for (let k = effect.emitted.length - 1; k >= 0; k--) {
        const e = effect.emitted[k]!
        if (e.lock.table === table) return e.tableOrigin
      }
      return lookupOrigin(before, table)
    }
    tracker.after(statement.index, statement.at, control, setting, locks, tableOrigin)
    pending.push({ statement, before, emitted: effect.emitted, locks, tx, control, setting })
    for (const e of effect.emitted) {
      const renamedTo = 'to' in e.detail && typeof e.detail.to === 'string' ? e.detail.to : undefined
      touchedKeys(touched, e.object, e.lock.table, renamedTo)
      // A constraint's index is keyed by schema and index name, not under its table.
      if (e.detail.kind === 'constraint-added' && e.detail.constraint.index !== undefined && e.lock.table !== undefined) {
        touched.add(`${e.lock.table.split('.')[0]}.${e.detail.constraint.index}`)
      }
    }
    for (const key of effect.created ?? []) touched.add(key)
    schema = effect.emitted.length === 0 ? effect.schema : stampDefinitions(effect.schema, effect.emitted, statement.at)
    if (setting?.name === 'search_path') searchPath = searchPathOf(setting.value)
  }
  const changes = options.history ? [] : toChanges(pending, tracker, options.pgVersion)
  if (!options.history && tracker.openedAt !== undefined) changes.push(leftOpen(pending, tracker.openedAt, options.pgVersion))
  return { state: { schema: settleOrigins(schema, options.history ? 'existing' : 'run', touched), searchPath }, changes }
}

/** The key each statement creates (table, view or type), by statement index. */
function createdKeys(pending: ReadonlyArray<Pending>): Array<{ readonly index: number; readonly key: string }> {
  const keys: Array<{ index: number; key: string }> = []
  for (const p of pending) {
    for (const { detail } of p.emitted) {
      const key =
        detail.kind === 'table-created' ? detail.created.key
        : detail.kind === 'view-created' ? detail.view.key
        : detail.kind === 'type-created' ? detail.type.key
        : undefined
      if (key !== undefined) keys.push({ index: p.statement.index, key })
    }
  }
  return keys
}

/** Marks renames whose old name is created again later in the file (A's name keeps working). */
function withRecreated(e: Emitted, index: number, created: ReadonlyArray<{ readonly index: number; readonly key: string }>): Emitted {
  const d = e.detail
  if (d.kind !== 'table-renamed' && d.kind !== 'type-renamed' && d.kind !== 'view-renamed') return e
  const recreated = created.some((c) => c.index > index && c.key === d.from)
  return recreated ? { ...e, detail: { ...d, recreated } } : e
}

function toChanges(pending: ReadonlyArray<Pending>, tracker: TransactionTracker, pgVersion: number): DbChange[] {
  const following = tracker.following()
  const created = createdKeys(pending)
  const changes: DbChange[] = []
  for (const p of pending) {
    const { statement, before, emitted, locks } = p
    const tx: DbChange['tx'] = {
      mode: p.tx.mode,
      held: p.tx.held,
      lockTimeout: p.tx.lockTimeout,
      statementTimeout: p.tx.statementTimeout,
      position: p.tx.position,
      following: following[statement.index] ?? 0,
    }
    const ref: StatementRef = { index: statement.index, type: statement.type, text: statement.text, node: statement.node, fileStatements: pending.length }
    const main = strongest(locks) ?? lockFacts('none', pgVersion)
    const mainOrigin = emitted.find((e) => e.lock.table === main.table)?.tableOrigin ?? (main.table ? lookupOrigin(before, main.table) : 'existing')
    const { setting, control } = p
    // Object.assign, not spread: spreading objects of many shapes hits V8's slow path (10× slower here).
    const head = (object: string, origin: ObjectOrigin, tableOrigin: ObjectOrigin, lock: LockFacts) => ({
      direction: 'none' as const, at: statement.at, object, origin, tableOrigin, statement: ref, schema: before, tx, lock, pgVersion, fromSchemaDiff: false,
    })
    const detail: DbChangeDetail = { kind: 'statement', locks, opaque: opaqueTypes.has(statement.type) }
    if (control !== undefined) Object.assign(detail, { transactionControl: control })
    if (setting !== undefined) Object.assign(detail, { setting })
    changes.push(Object.assign(head(main.table ?? '', mainOrigin, mainOrigin, main), detail))
    for (const original of emitted) {
      const e = withRecreated(original, statement.index, created)
      changes.push(Object.assign(head(e.object, e.origin, e.tableOrigin, e.lock), e.detail) as DbChange)
    }
  }
  return changes
}

function leftOpen(pending: ReadonlyArray<Pending>, at: DbChange['at'], pgVersion: number): DbChange {
  const begin = pending.find((p) => p.statement.at === at)!
  const held: ReadonlyArray<HeldLock> = []
  return {
    direction: 'none',
    kind: 'transaction-left-open',
    at,
    object: '',
    origin: 'existing',
    tableOrigin: 'existing',
    statement: { index: begin.statement.index, type: begin.statement.type, text: begin.statement.text, node: begin.statement.node, fileStatements: pending.length },
    schema: begin.before,
    tx: { mode: 'explicit', held, position: 0, following: 0 },
    lock: lockFacts('none', pgVersion),
    pgVersion,
    fromSchemaDiff: false,
  }
}
