import type { ColumnDef, Constraint, CreateStmt, CreateTableAsStmt, TableLikeClause } from 'libpg-query'
import { lockFacts, type LockAction } from '../lock-facts.js'
import { nodeOf, nodeType, qualify } from '../pg-ast.js'
import type { ColumnModel, SchemaModel, TableModel } from '../schema-model.js'
import { withEntry } from '../schema-model.js'
import { buildColumn, buildConstraint, constraintIndex, type ConstraintSpec } from './definitions.js'
import { newName, onTable, relationKey, unchanged, type Emitted, type ReplayScope, type StatementEffect } from './scope.js'

const constraintAction: Readonly<Record<ConstraintSpec['constraint']['type'], LockAction>> = {
  check: 'add-check',
  'not-null': 'set-not-null',
  unique: 'add-unique-or-primary-key',
  'primary-key': 'add-unique-or-primary-key',
  exclude: 'add-exclude',
  'foreign-key': 'add-foreign-key',
}

/** The lock action adding this constraint to an existing table takes. */
export function addConstraintAction(spec: ConstraintSpec): LockAction {
  if (spec.usingIndex !== undefined) return 'add-constraint-using-index'
  if (spec.notValid) return spec.constraint.type === 'foreign-key' ? 'add-foreign-key-not-valid' : 'add-check-not-valid'
  return constraintAction[spec.constraint.type]
}

/** Adds a constraint (and its index) to a table in the schema; NOT NULL constraints mark columns. */
export function addConstraint(schema: SchemaModel, table: TableModel, spec: ConstraintSpec): SchemaModel {
  const c = spec.constraint
  if (c.type === 'not-null' || c.type === 'primary-key') {
    const columns = table.columns.map((col) => (c.columns.includes(col.name) ? { ...col, notNull: true } : col))
    table = { ...table, columns }
  }
  if (c.type === 'not-null') return { ...schema, tables: withEntry(schema.tables, table.key, table) }
  const next = { ...table, constraints: [...table.constraints.filter((x) => x.name !== c.name), c] }
  const index = spec.usingIndex === undefined ? constraintIndex(c, table.name) : undefined
  const indexes =
    spec.usingIndex !== undefined
      ? withEntry(schema.indexes, `${table.name.schema}.${spec.usingIndex}`, {
          ...(schema.indexes.get(`${table.name.schema}.${spec.usingIndex}`) ?? constraintIndex(c, table.name)!),
          constraint: c.name,
        })
      : index === undefined
        ? schema.indexes
        : withEntry(schema.indexes, index.key, index)
  return { ...schema, tables: withEntry(schema.tables, table.key, next), indexes }
}

/** The change for one constraint, with the referenced table's lock for foreign keys. */
export function constraintEmitted(
  spec: ConstraintSpec,
  table: TableModel | undefined,
  key: string,
  scope: ReplayScope,
  inCreateTable: boolean,
): Emitted {
  const detail = {
    kind: 'constraint-added' as const,
    table,
    constraint: spec.constraint,
    notValid: spec.notValid,
    ...(spec.usingIndex === undefined ? {} : { usingIndex: spec.usingIndex }),
    inline: spec.inline,
    inCreateTable,
  }
  const emitted = onTable(detail, table, key, addConstraintAction(spec), scope, `${key}.${spec.constraint.name}`)
  return inCreateTable ? { ...emitted, origin: 'file', tableOrigin: 'file' } : emitted
}

function likeColumns(schema: SchemaModel, scope: ReplayScope, like: TableLikeClause): ReadonlyArray<ColumnModel> {
  const source = schema.tables.get(relationKey(schema, scope, like.relation))
  return (source?.columns ?? []).map((c) => ({ ...c, origin: 'file' as const }))
}

/** CREATE TABLE: the table, a `column-added` per column and a `constraint-added` per constraint. */
export function createTable(s: CreateStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const name = newName(scope, s.relation?.schemaname, s.relation?.relname ?? '')
  const key = qualify(name)
  if (schema.tables.has(key) && s.if_not_exists) return unchanged(schema)
  const columns: ColumnModel[] = []
  const specs: ConstraintSpec[] = []
  const serial = new Set<string>()
  const inherited = new Set<string>()
  for (const element of s.tableElts ?? []) {
    const type = nodeType(element)
    if (type === 'ColumnDef') {
      const built = buildColumn(nodeOf<ColumnDef>(element, 'ColumnDef')!, name, schema, scope)
      columns.push(built.column)
      specs.push(...built.constraints)
      if (built.serial) serial.add(built.column.name)
    } else if (type === 'Constraint') {
      const spec = buildConstraint(nodeOf<Constraint>(element, 'Constraint')!, name, schema, scope)
      if (spec !== undefined) specs.push(spec)
    } else if (type === 'TableLikeClause') {
      const copied = likeColumns(schema, scope, nodeOf<TableLikeClause>(element, 'TableLikeClause')!)
      for (const c of copied) inherited.add(c.name)
      columns.push(...copied)
    }
  }
  const parent = s.partbound !== undefined && s.inhRelations?.[0] !== undefined
    ? relationKey(schema, scope, nodeOf(s.inhRelations[0], 'RangeVar'))
    : undefined
  if (parent !== undefined && columns.length === 0) {
    for (const c of schema.tables.get(parent)?.columns ?? []) {
      inherited.add(c.name)
      columns.push({ ...c, origin: 'file' })
    }
  }
  let table: TableModel = {
    key,
    name,
    columns,
    constraints: [],
    partitioned: s.partspec !== undefined,
    ...(parent === undefined ? {} : { partitionOf: parent }),
    unlogged: s.relation?.relpersistence === 'u',
    origin: 'file',
  }
  let next: SchemaModel = { ...schema, tables: withEntry(schema.tables, key, table) }
  for (const spec of specs) {
    next = addConstraint(next, next.tables.get(key)!, spec)
  }
  table = next.tables.get(key)!
  const created = (e: Emitted): Emitted => ({ ...e, origin: 'file', tableOrigin: 'file' })
  const emitted: Emitted[] = [
    created(onTable({ kind: 'table-created', created: table, ifNotExists: Boolean(s.if_not_exists) }, undefined, key, 'create-table', scope)),
    ...table.columns.map((column) =>
      created(
        onTable(
          { kind: 'column-added', column, inCreateTable: true, inherited: inherited.has(column.name), serial: serial.has(column.name), ifNotExists: false },
          undefined,
          key,
          'create-table',
          scope,
          `${key}.${column.name}`,
        ),
      ),
    ),
    ...specs.map((spec) => constraintEmitted(spec, undefined, key, scope, true)),
  ]
  const locks = specs
    .filter((spec) => spec.constraint.references !== undefined)
    .map((spec) => lockFacts('foreign-key-referenced', scope.pgVersion, spec.constraint.references!.table))
  return { schema: next, emitted, locks }
}

/** CREATE TABLE … AS / CREATE MATERIALIZED VIEW … AS: the object, without known columns. */
export function createTableAs(s: CreateTableAsStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const name = newName(scope, s.into?.rel?.schemaname, s.into?.rel?.relname ?? '')
  const key = qualify(name)
  if (s.objtype === 'OBJECT_MATVIEW') {
    const view = { key, name, materialized: true, origin: 'file' as const }
    const emitted = onTable({ kind: 'view-created', view, replace: false }, undefined, key, 'none', scope)
    return { schema: { ...schema, views: withEntry(schema.views, key, view) }, emitted: [{ ...emitted, origin: 'file', tableOrigin: 'file' }] }
  }
  const table: TableModel = { key, name, columns: [], constraints: [], partitioned: false, unlogged: false, origin: 'file' }
  const emitted = onTable({ kind: 'table-created', created: table, ifNotExists: Boolean(s.if_not_exists) }, undefined, key, 'create-table', scope)
  return { schema: { ...schema, tables: withEntry(schema.tables, key, table) }, emitted: [{ ...emitted, origin: 'file', tableOrigin: 'file' }] }
}
