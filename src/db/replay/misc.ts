import type {
  ClusterStmt,
  CreateExtensionStmt,
  CreateFunctionStmt,
  CreateSchemaStmt,
  CreateSeqStmt,
  CreateTrigStmt,
  DefElem,
  LockStmt,
  RangeVar,
  RefreshMatViewStmt,
  VacuumStmt,
  ViewStmt,
} from 'libpg-query'
import { lockFacts, lockLevels, type LockFacts } from '../lock-facts.js'
import { nodeOf, qualify, stringList } from '../pg-ast.js'
import { withEntry, type SchemaModel } from '../schema-model.js'
import { newName, onObject, onTable, originOf, relationKey, unchanged, type ReplayScope, type StatementEffect } from './scope.js'

export function createView(s: ViewStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const name = newName(scope, s.view?.schemaname, s.view?.relname ?? '')
  const key = qualify(name)
  const existing = schema.views.get(key)
  const view = existing ?? { key, name, materialized: false, origin: 'file' as const }
  const replace = Boolean(s.replace) && existing !== undefined
  return {
    schema: { ...schema, views: withEntry(schema.views, key, view) },
    emitted: [onObject({ kind: 'view-created', view, replace }, key, replace ? originOf(existing) : 'file', replace ? 'replace-view' : 'none', scope, key)],
  }
}

export function createSequence(s: CreateSeqStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const name = newName(scope, s.sequence?.schemaname, s.sequence?.relname ?? '')
  const key = qualify(name)
  return { ...unchangedWith({ ...schema, sequences: withEntry(schema.sequences, key, { key, name, origin: 'file' }) }), created: [key] }
}

function unchangedWith(schema: SchemaModel, locks: ReadonlyArray<LockFacts> = []): StatementEffect {
  return unchanged(schema, locks)
}

export function createSchema(s: CreateSchemaStmt, schema: SchemaModel): StatementEffect {
  return unchangedWith({ ...schema, schemas: new Set([...schema.schemas, s.schemaname ?? '']) })
}

export function createExtension(s: CreateExtensionStmt, schema: SchemaModel): StatementEffect {
  return unchangedWith({ ...schema, extensions: new Set([...schema.extensions, s.extname ?? '']) })
}

/** Functions are opaque; only their volatility is kept, so defaults calling them are classified. */
export function createFunction(s: CreateFunctionStmt, schema: SchemaModel): StatementEffect {
  const names = stringList(s.funcname)
  const name = (names[names.length - 1] ?? '').toLowerCase()
  const volatility = (s.options ?? [])
    .map((o) => nodeOf<DefElem>(o, 'DefElem'))
    .find((o) => o?.defname === 'volatility')
  const value = stringList(volatility?.arg === undefined ? [] : [volatility.arg])[0]
  const stableFunctions = new Set(schema.stableFunctions)
  if (value === 'immutable' || value === 'stable') stableFunctions.add(name)
  else stableFunctions.delete(name)
  return unchangedWith({ ...schema, stableFunctions })
}

function rewritten(schema: SchemaModel, scope: ReplayScope, rv: RangeVar | undefined, how: string) {
  const key = relationKey(schema, scope, rv)
  const table = schema.tables.get(key)
  return onTable({ kind: 'table-rewritten', table, how }, table, key, 'rewrite-table', scope)
}

/** VACUUM FULL rewrites; plain VACUUM and ANALYZE take SHARE UPDATE EXCLUSIVE. */
export function vacuum(s: VacuumStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const full = (s.options ?? []).some((o) => nodeOf<DefElem>(o, 'DefElem')?.defname === 'full')
  const relations = (s.rels ?? []).map((r) => nodeOf<{ relation?: RangeVar }>(r, 'VacuumRelation')?.relation)
  if (!full) {
    const locks = relations.map((rv) => lockFacts('set-storage-options', scope.pgVersion, relationKey(schema, scope, rv)))
    return unchangedWith(schema, locks)
  }
  return { schema, emitted: relations.map((rv) => rewritten(schema, scope, rv, 'VACUUM FULL')) }
}

export function cluster(s: ClusterStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  if (s.relation === undefined) return unchangedWith(schema)
  return { schema, emitted: [rewritten(schema, scope, s.relation, 'CLUSTER')] }
}

export function dropDatabase(schema: SchemaModel, scope: ReplayScope, name: string): StatementEffect {
  return { schema, emitted: [onObject({ kind: 'database-dropped' }, name, 'existing', 'none', scope)] }
}

/** INSERT / UPDATE / DELETE / MERGE: a `data-modified` change (ROW EXCLUSIVE on the table). */
export function modifyData(
  operation: 'insert' | 'update' | 'delete' | 'merge',
  rv: RangeVar | undefined,
  schema: SchemaModel,
  scope: ReplayScope,
): StatementEffect {
  const key = relationKey(schema, scope, rv)
  const table = schema.tables.get(key)
  const emitted = onTable({ kind: 'data-modified', table, operation }, table, key, operation === 'insert' ? 'write' : 'write', scope)
  return { schema, emitted: [operation === 'insert' ? { ...emitted, lock: { ...emitted.lock, scan: false } } : emitted] }
}

export function createTrigger(s: CreateTrigStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  return unchangedWith(schema, [lockFacts('create-trigger', scope.pgVersion, relationKey(schema, scope, s.relation))])
}

export function refreshMaterializedView(s: RefreshMatViewStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const key = relationKey(schema, scope, s.relation)
  const action = s.concurrent ? 'refresh-materialized-view-concurrently' : 'refresh-materialized-view'
  return unchangedWith(schema, [lockFacts(action, scope.pgVersion, key)])
}

/** LOCK TABLE … IN mode MODE: mode is 1 (ACCESS SHARE) … 8 (ACCESS EXCLUSIVE). */
export function lockTable(s: LockStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const level = lockLevels[(s.mode ?? 8) - 1] ?? 'ACCESS EXCLUSIVE'
  const locks = (s.relations ?? []).map((r) => ({
    ...lockFacts('lock-table', scope.pgVersion, relationKey(schema, scope, nodeOf<RangeVar>(r, 'RangeVar'))),
    level,
  }))
  return unchangedWith(schema, locks)
}
