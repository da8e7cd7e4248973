import type { DbChange, HeldLock } from '../change.js'
import { lockRank, strongest, type LockFacts } from '../lock-facts.js'
import { findColumn, type ObjectOrigin, type SchemaModel } from '../schema-model.js'
import type { Observation } from './trace-statement.js'

/** What the shadow database showed for one checked statement. */
export interface StatementTrace {
  readonly file: string
  /** 0-based statement index in its file, as in `DbChange.statement.index`. */
  readonly index: number
  readonly observation: Observation
  /** Schema changes seen by introspection (opaque statements only), in `diffSchemas`' placeholder context. */
  readonly changes: ReadonlyArray<DbChange>
}

const tableKinds = new Set(['r', 'p', 'm', 'v'])
const statementKey = (file: string, index: number): string => `${file}\u0000${index}`

/** The lock on `lock.table` as observed; static facts stay where the trace cannot tell. */
function observedLock(lock: LockFacts, observation: Observation, statementType: string): LockFacts {
  const table = lock.table
  if (!observation.inTransaction || table === undefined || !observation.existedBefore.has(table)) return lock
  const level = observation.locks.find((l) => l.relation === table)?.level
  // TRUNCATE gives the table new, empty storage: a new relfilenode, but nothing is rewritten.
  const rewrite = statementType !== 'TruncateStmt' && observation.rewritten.includes(table)
  const { level: _guess, ...rest } = lock
  return { ...rest, ...(level === undefined ? {} : { level }), rewrite, scan: lock.scan || rewrite, observed: true }
}

/** Every lock the statement's transaction held on a table that existed before it. */
function observedLocks(statement: Extract<DbChange, { kind: 'statement' }>, observation: Observation): ReadonlyArray<LockFacts> {
  if (!observation.inTransaction) return statement.locks
  return observation.locks
    .filter((l) => !l.created && tableKinds.has(l.relkind))
    .map((l) => {
      const known = statement.locks.find((s) => s.table === l.relation) ?? { ...statement.lock, table: l.relation }
      return observedLock(known, observation, statement.statement.type)
    })
}

/** Origins as static replay knows them (an object made earlier in the same file is `file`). */
function withStaticOrigins(change: DbChange, schema: SchemaModel): DbChange {
  const tableKey = 'table' in change && change.table !== undefined ? change.table.key : undefined
  if (tableKey === undefined || change.tableOrigin !== 'existing') return change
  const table = schema.tables.get(tableKey)
  const tableOrigin: ObjectOrigin = table?.origin ?? 'existing'
  const columnName = change.object.startsWith(`${tableKey}.`) ? change.object.slice(tableKey.length + 1) : undefined
  const origin = change.origin !== 'existing' ? change.origin : (findColumn(table, columnName ?? '')?.origin ?? tableOrigin)
  return { ...change, origin, tableOrigin }
}

function mergeStatement(group: ReadonlyArray<DbChange>, trace: StatementTrace | undefined): DbChange[] {
  const statement = group.find((c): c is Extract<DbChange, { kind: 'statement' }> => c.kind === 'statement')
  if (trace === undefined || statement === undefined) return [...group]
  const { observation } = trace
  const type = statement.statement.type
  const merged = group.map((change): DbChange => {
    if (change.kind !== 'statement') return { ...change, lock: observedLock(change.lock, observation, type) }
    const locks = observedLocks(change, observation)
    const lock = strongest(locks) ?? observedLock(change.lock, observation, type)
    return { ...change, locks, lock }
  })
  const seen = new Set(group.map((c) => `${c.kind}\u0000${c.object}`))
  for (const found of trace.changes) {
    if (seen.has(`${found.kind}\u0000${found.object}`)) continue
    const placed = {
      ...found,
      at: statement.at,
      statement: statement.statement,
      schema: statement.schema,
      tx: statement.tx,
      pgVersion: statement.pgVersion,
      fromSchemaDiff: false,
      observed: true,
      lock: observedLock(found.lock, observation, type),
    } as DbChange
    merged.push(withStaticOrigins(placed, statement.schema))
  }
  return merged
}

/** Re-derives the locks each transaction holds before a statement from the (observed) locks of the statements before it. */
function recomputeHeld(changes: DbChange[]): DbChange[] {
  const held = new Map<string, HeldLock>()
  let file: string | undefined
  let current: ReadonlyArray<HeldLock> = []
  let index = -1
  return changes.map((change) => {
    if (change.at.file !== file || change.statement.index !== index) {
      if (change.at.file !== file) held.clear()
      file = change.at.file
      index = change.statement.index
      if (change.tx.mode === 'none' || change.tx.position === 0) held.clear()
      current = [...held.values()]
      if (change.kind === 'statement' && change.tx.mode !== 'none' && change.transactionControl === undefined) {
        for (const lock of change.locks) {
          if (lock.table === undefined || lock.level === undefined) continue
          const old = held.get(lock.table)
          if (old === undefined || lockRank(lock.level) > lockRank(old.level)) {
            const tableOrigin = change.schema.tables.get(lock.table)?.origin ?? (lock.table === change.object ? change.tableOrigin : 'existing')
            held.set(lock.table, { table: lock.table, level: lock.level, at: change.at, tableOrigin })
          }
        }
      }
      if (change.kind === 'statement' && change.transactionControl !== undefined && change.transactionControl !== 'begin') held.clear()
    }
    return change.tx.mode === 'none' ? change : { ...change, tx: { ...change.tx, held: current } }
  })
}

/**
 * Puts what `--trace` saw into the static changes: each change's lock becomes the observed one
 * (`lock.observed`), `statement` changes list every table lock the statement really held (so a
 * DO block's ALTER TABLE counts), schema changes found only by introspection are added (marked
 * `observed`), and the locks held across a transaction follow the observed ones.
 *
 * @example
 * const changes = mergeTrace(analysis.changes, traces)
 */
export function mergeTrace(changes: ReadonlyArray<DbChange>, traces: ReadonlyArray<StatementTrace>): DbChange[] {
  const byStatement = new Map(traces.map((t) => [statementKey(t.file, t.index), t]))
  const out: DbChange[] = []
  let group: DbChange[] = []
  const flush = (): void => {
    const first = group[0]
    if (first !== undefined) out.push(...mergeStatement(group, byStatement.get(statementKey(first.at.file, first.statement.index))))
    group = []
  }
  for (const change of changes) {
    const first = group[0]
    if (first !== undefined && (first.at.file !== change.at.file || first.statement.index !== change.statement.index)) flush()
    group.push(change)
  }
  flush()
  return recomputeHeld(out)
}
