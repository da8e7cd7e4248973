import type { Kysely } from 'kysely'
import { expressionInfo, notNullCheckColumn } from '../expression.js'
import { initParser } from '../parse-sql.js'
import type {
  ColumnModel,
  ConstraintModel,
  ConstraintType,
  IndexModel,
  SchemaModel,
  SequenceModel,
  TableModel,
  TypeModel,
  ViewModel,
} from '../schema-model.js'
import { makeTypeRef, type TypeRef } from '../type-ref.js'
import { catalogOf } from './catalog.js'
import {
  readColumns,
  readConstraints,
  readEnumValues,
  readExtensionNames,
  readIndexes,
  readRelations,
  readSchemaNames,
  readStableFunctions,
  readTypes,
  type ColumnRow,
  type ConstraintRow,
  type RelationRow,
} from './catalog-queries.js'
import { parseExpressions, parseTypeNames } from './parse-fragments.js'

/**
 * The catalog identity of every object in a model, keyed like the model: a table's oid, a
 * column's `oid.attnum`, an enum label's oid. Renames keep it; drop and re-create change it.
 */
export interface SchemaIdentity {
  /** Table, view, sequence, index and type keys → oid. */
  readonly objects: ReadonlyMap<string, string>
  /** Table key → column name → attnum. */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, number>>
  /** Table key → constraint name → oid. */
  readonly constraints: ReadonlyMap<string, ReadonlyMap<string, string>>
  /** Enum key → label → oid. */
  readonly enumValues: ReadonlyMap<string, ReadonlyMap<string, string>>
}

export interface IntrospectedSchema {
  readonly model: SchemaModel
  readonly identity: SchemaIdentity
}

const constraintTypes: Readonly<Record<string, ConstraintType>> = {
  c: 'check',
  u: 'unique',
  p: 'primary-key',
  f: 'foreign-key',
  x: 'exclude',
}

const typeKinds: Readonly<Record<string, TypeModel['kind']>> = { e: 'enum', c: 'composite', d: 'domain', r: 'range' }

function groupBy<T>(rows: ReadonlyArray<T>, key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = groups.get(k)
    if (list === undefined) groups.set(k, [row])
    else list.push(row)
  }
  return groups
}

const keyOf = (r: { readonly schema: string; readonly name: string }): string => `${r.schema}.${r.name}`

/** What building a model needs besides the rows: parsed fragments and id lookups. */
interface Context {
  readonly types: ReadonlyMap<string, TypeRef>
  readonly expressions: ReadonlyMap<string, unknown>
  readonly stable: ReadonlySet<string>
  readonly relationKeys: ReadonlyMap<string, string>
}

function typeRef(ctx: Context, text: string): TypeRef {
  return ctx.types.get(text) ?? makeTypeRef(text)
}

function column(ctx: Context, row: ColumnRow): ColumnModel {
  const node = row.expression === null ? undefined : ctx.expressions.get(row.expression)
  const generated = row.generated === 's' ? 'stored' : row.generated === 'v' ? 'virtual' : undefined
  const identity = row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by-default' : undefined
  return {
    name: row.name,
    type: typeRef(ctx, row.type),
    notNull: row.notNull,
    ...(node === undefined || generated !== undefined ? {} : { default: expressionInfo(node, ctx.stable) }),
    ...(generated === undefined ? {} : { generated }),
    ...(identity === undefined ? {} : { identity }),
    origin: 'existing',
  }
}

function constraint(ctx: Context, row: ConstraintRow, names: ReadonlyMap<number, string>, all: ReadonlyMap<string, ReadonlyMap<number, string>>): ConstraintModel {
  const type = constraintTypes[row.type] ?? 'check'
  const node = row.expression === null ? undefined : ctx.expressions.get(row.expression)
  const notNullColumn = node === undefined ? undefined : notNullCheckColumn(node)
  const referenced = row.referenced === null ? undefined : ctx.relationKeys.get(row.referenced)
  const referencedNames = row.referenced === null ? undefined : all.get(row.referenced)
  return {
    name: row.name,
    type,
    columns: (row.columns ?? []).map((n) => names.get(n) ?? String(n)),
    valid: row.valid,
    ...(node === undefined ? {} : { expression: expressionInfo(node, ctx.stable) }),
    ...(notNullColumn === undefined ? {} : { notNullColumn }),
    ...(referenced === undefined
      ? {}
      : { references: { table: referenced, columns: (row.referencedColumns ?? []).map((n) => referencedNames?.get(n) ?? String(n)) } }),
    ...(row.index !== null && type !== 'foreign-key' ? { index: row.index } : {}),
    origin: 'existing',
  }
}

function table(relation: RelationRow, columns: ReadonlyArray<ColumnModel>, constraints: ReadonlyArray<ConstraintModel>, ctx: Context): TableModel {
  const parent = relation.parent === null ? undefined : ctx.relationKeys.get(relation.parent)
  return {
    key: keyOf(relation),
    name: { schema: relation.schema, name: relation.name },
    columns,
    constraints,
    partitioned: relation.kind === 'p',
    ...(parent === undefined ? {} : { partitionOf: parent }),
    unlogged: relation.persistence === 'u',
    origin: 'existing',
  }
}

/**
 * Reads the user's schema from the catalog of a live or shadow database, through kysely, into the
 * model static replay builds (every object `existing`), plus each object's catalog identity.
 * Objects of extensions and of PostgreSQL itself are left out.
 *
 * @example
 * const { model } = await introspectSchema(session.db)
 * model.tables.get('public.users')?.columns.map((c) => c.name)
 */
export async function introspectSchema(kysely: Kysely<unknown>): Promise<IntrospectedSchema> {
  const db = catalogOf(kysely)
  await initParser()
  const [relations, columnRows, constraintRows, indexRows, typeRows, enumRows, schemas, extensions, stable] = await Promise.all([
    readRelations(db),
    readColumns(db),
    readConstraints(db),
    readIndexes(db),
    readTypes(db),
    readEnumValues(db),
    readSchemaNames(db),
    readExtensionNames(db),
    readStableFunctions(db),
  ])
  const ctx: Context = {
    types: parseTypeNames([...columnRows.map((c) => c.type), ...typeRows.flatMap((t) => (t.base === null ? [] : [t.base]))]),
    expressions: parseExpressions([...columnRows, ...constraintRows].flatMap((r) => (r.expression === null ? [] : [r.expression]))),
    stable: new Set(stable),
    relationKeys: new Map(relations.map((r) => [r.id, keyOf(r)])),
  }
  const columnsOf = groupBy(columnRows, (c) => c.relation)
  const constraintsOf = groupBy(constraintRows, (c) => c.relation)
  const attnames = new Map([...columnsOf].map(([id, rows]) => [id, new Map(rows.map((r) => [r.attnum, r.name]))]))
  const objects = new Map<string, string>()
  const columnIds = new Map<string, ReadonlyMap<string, number>>()
  const constraintIds = new Map<string, ReadonlyMap<string, string>>()
  const tables = new Map<string, TableModel>()
  const views = new Map<string, ViewModel>()
  const sequences = new Map<string, SequenceModel>()
  for (const relation of relations) {
    const key = keyOf(relation)
    const name = { schema: relation.schema, name: relation.name }
    objects.set(key, relation.id)
    if (relation.kind === 'v' || relation.kind === 'm') views.set(key, { key, name, materialized: relation.kind === 'm', origin: 'existing' })
    if (relation.kind === 'S') sequences.set(key, { key, name, origin: 'existing' })
    if (relation.kind !== 'r' && relation.kind !== 'p') continue
    const rows = columnsOf.get(relation.id) ?? []
    const cons = constraintsOf.get(relation.id) ?? []
    const names = attnames.get(relation.id) ?? new Map<number, string>()
    tables.set(key, table(relation, rows.map((r) => column(ctx, r)), cons.map((c) => constraint(ctx, c, names, attnames)), ctx))
    columnIds.set(key, new Map(rows.map((r) => [r.name, r.attnum])))
    constraintIds.set(key, new Map(cons.map((c) => [c.name, c.id])))
  }
  const indexes = new Map<string, IndexModel>()
  const backing = new Map(constraintRows.filter((c) => c.index !== null && c.type !== 'f').map((c) => [`${c.relation}:${c.index}`, c.name]))
  for (const row of indexRows) {
    const key = keyOf(row)
    const tableKey = ctx.relationKeys.get(row.relation)
    if (tableKey === undefined) continue
    const names = attnames.get(row.relation)
    const owner = backing.get(`${row.relation}:${row.name}`)
    objects.set(key, row.id)
    indexes.set(key, {
      key,
      name: { schema: row.schema, name: row.name },
      table: tableKey,
      unique: row.unique,
      columns: row.columns.map((n) => (n === 0 ? '(expression)' : (names?.get(n) ?? String(n)))),
      partial: row.partial,
      method: row.method,
      ...(owner === undefined ? {} : { constraint: owner }),
      origin: 'existing',
    })
  }
  const labels = groupBy(enumRows, (e) => e.type)
  const types = new Map<string, TypeModel>()
  const enumValues = new Map<string, ReadonlyMap<string, string>>()
  for (const row of typeRows) {
    const key = keyOf(row)
    const values = row.kind === 'e' ? (labels.get(row.id) ?? []) : []
    objects.set(key, row.id)
    if (row.kind === 'e') enumValues.set(key, new Map(values.map((v) => [v.label, v.id])))
    types.set(key, {
      key,
      name: { schema: row.schema, name: row.name },
      kind: typeKinds[row.kind] ?? 'composite',
      values: values.map((v) => v.label),
      ...(row.base === null ? {} : { base: typeRef(ctx, row.base) }),
      constrained: row.constrained,
      origin: 'existing',
    })
  }
  const model: SchemaModel = {
    tables,
    indexes,
    types,
    views,
    sequences,
    schemas: new Set(schemas),
    extensions: new Set(extensions),
    stableFunctions: new Set(stable),
  }
  return { model, identity: { objects, columns: columnIds, constraints: constraintIds, enumValues } }
}
