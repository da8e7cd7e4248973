import type { SourceRef } from '../core/source-ref.js'
import type { ExpressionInfo } from './expression.js'
import type { QualifiedName } from './pg-ast.js'
import { PersistentMap } from './persistent-map.js'
import type { TypeRef } from './type-ref.js'

/**
 * Where an object came from, seen from the statement being checked:
 * `existing` — before the checked migrations (history, `--schema`, or unknown to rollsafe): version A knows it;
 * `run` — created by an earlier checked migration file: A does not know it, but it may hold rows;
 * `file` — created earlier in the same migration file (or by this statement): new and empty, exempt from lock rules.
 */
export type ObjectOrigin = 'existing' | 'run' | 'file'

export interface ColumnModel {
  /** The statement that created it, when replay saw one (used to place `--from/--to` findings). */
  readonly definedAt?: SourceRef
  readonly name: string
  readonly type: TypeRef
  readonly notNull: boolean
  readonly default?: ExpressionInfo
  readonly generated?: 'stored' | 'virtual'
  readonly identity?: 'always' | 'by-default'
  readonly origin: ObjectOrigin
}

export type ConstraintType = 'check' | 'unique' | 'primary-key' | 'foreign-key' | 'exclude' | 'not-null'

export interface ConstraintModel {
  readonly name: string
  readonly type: ConstraintType
  readonly columns: ReadonlyArray<string>
  /** False for a constraint added NOT VALID and not validated since. */
  readonly valid: boolean
  readonly expression?: ExpressionInfo
  /** For `CHECK (c IS NOT NULL)`: `c`. */
  readonly notNullColumn?: string
  readonly references?: { readonly table: string; readonly columns: ReadonlyArray<string> }
  /** The index behind a UNIQUE / PRIMARY KEY / EXCLUDE constraint. */
  readonly index?: string
  readonly origin: ObjectOrigin
}

export interface TableModel {
  /** The statement that created it, when replay saw one (used to place `--from/--to` findings). */
  readonly definedAt?: SourceRef
  /** `public.users` */
  readonly key: string
  readonly name: QualifiedName
  readonly columns: ReadonlyArray<ColumnModel>
  readonly constraints: ReadonlyArray<ConstraintModel>
  /** Declared `PARTITION BY`. */
  readonly partitioned: boolean
  /** The parent table's key when this is a partition. */
  readonly partitionOf?: string
  readonly unlogged: boolean
  readonly origin: ObjectOrigin
}

export interface IndexModel {
  /** The statement that created it, when replay saw one (used to place `--from/--to` findings). */
  readonly definedAt?: SourceRef
  readonly key: string
  readonly name: QualifiedName
  /** The table's key. */
  readonly table: string
  readonly unique: boolean
  /** Column names; `(expression)` for expression columns. */
  readonly columns: ReadonlyArray<string>
  readonly partial: boolean
  readonly method: string
  /** The constraint this index backs, if any. */
  readonly constraint?: string
  readonly origin: ObjectOrigin
}

export interface TypeModel {
  /** The statement that created it, when replay saw one (used to place `--from/--to` findings). */
  readonly definedAt?: SourceRef
  readonly key: string
  readonly name: QualifiedName
  readonly kind: 'enum' | 'composite' | 'domain' | 'range'
  /** Enum labels in order. */
  readonly values: ReadonlyArray<string>
  /** A domain's base type. */
  readonly base?: TypeRef
  /** A domain with CHECK or NOT NULL constraints. */
  readonly constrained: boolean
  readonly origin: ObjectOrigin
}

export interface ViewModel {
  /** The statement that created it, when replay saw one (used to place `--from/--to` findings). */
  readonly definedAt?: SourceRef
  readonly key: string
  readonly name: QualifiedName
  readonly materialized: boolean
  readonly origin: ObjectOrigin
}

export interface SequenceModel {
  readonly key: string
  readonly name: QualifiedName
  readonly origin: ObjectOrigin
}

/**
 * The database schema as static replay knows it. Immutable: every statement yields a new model
 * sharing the unchanged parts. Keys are `schema.name`.
 */
export interface SchemaModel {
  readonly tables: ReadonlyMap<string, TableModel>
  readonly indexes: ReadonlyMap<string, IndexModel>
  readonly types: ReadonlyMap<string, TypeModel>
  readonly views: ReadonlyMap<string, ViewModel>
  readonly sequences: ReadonlyMap<string, SequenceModel>
  readonly schemas: ReadonlySet<string>
  readonly extensions: ReadonlySet<string>
  /** User functions declared IMMUTABLE or STABLE (lower-case name), so defaults calling them stay cheap. */
  readonly stableFunctions: ReadonlySet<string>
}

export const emptySchema: SchemaModel = {
  tables: new Map(),
  indexes: new Map(),
  types: new Map(),
  views: new Map(),
  sequences: new Map(),
  schemas: new Set(['public']),
  extensions: new Set(),
  stableFunctions: new Set(),
}

export function findColumn(table: TableModel | undefined, name: string): ColumnModel | undefined {
  return table?.columns.find((c) => c.name === name)
}

export function findConstraint(table: TableModel | undefined, name: string): ConstraintModel | undefined {
  return table?.constraints.find((c) => c.name === name)
}

/** A copy of a map with one entry set (or removed when `value` is undefined). */
export function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V | undefined): ReadonlyMap<string, V> {
  return PersistentMap.from(map).with(key, value)
}

export function withTable(schema: SchemaModel, key: string, table: TableModel | undefined): SchemaModel {
  return { ...schema, tables: withEntry(schema.tables, key, table) }
}

export function mapColumns(table: TableModel, name: string, update: (c: ColumnModel) => ColumnModel): TableModel {
  return { ...table, columns: table.columns.map((c) => (c.name === name ? update(c) : c)) }
}

/** Is there a validated `CHECK (column IS NOT NULL)` on the table? (PG12+ then skips the SET NOT NULL scan.) */
export function hasValidNotNullCheck(table: TableModel | undefined, column: string): boolean {
  return table?.constraints.some((c) => c.type === 'check' && c.valid && c.notNullColumn === column) ?? false
}
