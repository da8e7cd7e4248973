import type { RangeVar } from 'libpg-query'
import type { DbChangeDetail } from '../change.js'
import { lockFacts, type LockAction, type LockFacts } from '../lock-facts.js'
import { qualify, type QualifiedName } from '../pg-ast.js'
import type { ObjectOrigin, SchemaModel, TableModel } from '../schema-model.js'

/** What a statement handler knows besides the schema. */
export interface ReplayScope {
  /** `search_path` in effect; the first entry is where unqualified new objects go. */
  readonly searchPath: ReadonlyArray<string>
  readonly pgVersion: number
}

/** One action of a statement, before the replay adds the statement's context to make a `DbChange`. */
export interface Emitted {
  readonly detail: DbChangeDetail
  readonly object: string
  readonly origin: ObjectOrigin
  readonly tableOrigin: ObjectOrigin
  readonly lock: LockFacts
}

/** The schema after a statement, the actions found in it, and locks taken beyond those actions. */
export interface StatementEffect {
  readonly schema: SchemaModel
  readonly emitted: ReadonlyArray<Emitted>
  readonly locks?: ReadonlyArray<LockFacts>
  /** Keys of objects created without a change of their own (sequences), so their origin settles too. */
  readonly created?: ReadonlyArray<string>
}

export function unchanged(schema: SchemaModel, locks: ReadonlyArray<LockFacts> = []): StatementEffect {
  return { schema, emitted: [], locks }
}

/** The key a name resolves to: qualified names as written, others through `search_path`. */
export function resolveKey(
  objects: ReadonlyMap<string, unknown>,
  scope: ReplayScope,
  schemaName: string | undefined,
  name: string,
): string {
  if (schemaName !== undefined) return `${schemaName}.${name}`
  for (const s of scope.searchPath) if (objects.has(`${s}.${name}`)) return `${s}.${name}`
  return `${scope.searchPath[0] ?? 'public'}.${name}`
}

/** Where an unqualified new object is created. */
export function newName(scope: ReplayScope, schemaName: string | undefined, name: string): QualifiedName {
  return { schema: schemaName ?? scope.searchPath[0] ?? 'public', name }
}

export function relationKey(schema: SchemaModel, scope: ReplayScope, rv: RangeVar | undefined): string {
  return resolveKey(schema.tables, scope, rv?.schemaname, rv?.relname ?? '')
}

/** Objects rollsafe never saw are assumed to exist before the migration (version A knows them). */
export function originOf(object: { readonly origin: ObjectOrigin } | undefined): ObjectOrigin {
  return object?.origin ?? 'existing'
}

/** Builds an action on a table. */
export function onTable(
  detail: DbChangeDetail,
  table: TableModel | undefined,
  tableKey: string,
  action: LockAction,
  scope: ReplayScope,
  object: string = tableKey,
  origin: ObjectOrigin = originOf(table),
): Emitted {
  return { detail, object, origin, tableOrigin: originOf(table), lock: lockFacts(action, scope.pgVersion, tableKey) }
}

/** Builds an action on something other than a table (a type, a view, a schema). */
export function onObject(
  detail: DbChangeDetail,
  object: string,
  origin: ObjectOrigin,
  action: LockAction,
  scope: ReplayScope,
  lockTarget?: string,
): Emitted {
  return { detail, object, origin, tableOrigin: origin, lock: lockFacts(action, scope.pgVersion, lockTarget) }
}

export { qualify }
