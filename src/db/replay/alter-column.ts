import type { AlterTableCmd, ColumnDef } from 'libpg-query'
import { expressionInfo } from '../expression.js'
import type { LockAction } from '../lock-facts.js'
import { nodeOf, nodeType, stringList } from '../pg-ast.js'
import { findColumn, hasValidNotNullCheck, mapColumns, withEntry, type ColumnModel, type SchemaModel, type TableModel } from '../schema-model.js'
import { typeChangeFacts } from '../type-change.js'
import { typeRefOf } from '../type-ref.js'
import { addConstraint, constraintEmitted } from './create-table.js'
import { buildColumn } from './definitions.js'
import { withoutIndexes } from './drop.js'
import { enumTypeChange, userType } from './enum-types.js'
import { onTable, originOf, type Emitted, type ReplayScope } from './scope.js'

/** The state an ALTER TABLE subcommand works on: the schema so far and the table's key. */
export interface AlterState {
  readonly schema: SchemaModel
  readonly key: string
  readonly scope: ReplayScope
}

export interface SubEffect {
  readonly schema: SchemaModel
  readonly emitted: ReadonlyArray<Emitted>
}

function putTable(schema: SchemaModel, table: TableModel | undefined): SchemaModel {
  return table === undefined ? schema : { ...schema, tables: withEntry(schema.tables, table.key, table) }
}

export function addColumnAction(column: ColumnModel, serial: boolean): LockAction {
  if (column.generated === 'stored') return 'add-column-stored-generated'
  if (column.generated === 'virtual') return 'add-column-virtual-generated'
  if (serial || column.identity !== undefined || column.default?.volatile) return 'add-column-volatile-default'
  return column.default === undefined ? 'add-column' : 'add-column-default'
}

export function addColumn(cmd: AlterTableCmd, { schema, key, scope }: AlterState): SubEffect {
  const table = schema.tables.get(key)
  const def = nodeOf<ColumnDef>(cmd.def, 'ColumnDef')
  if (def === undefined || (cmd.missing_ok && findColumn(table, def.colname ?? ''))) return { schema, emitted: [] }
  const name = table?.name ?? { schema: key.split('.')[0] ?? 'public', name: key.split('.').slice(1).join('.') }
  const built = buildColumn(def, name, schema, scope)
  let next = table === undefined ? schema : putTable(schema, { ...table, columns: [...table.columns, built.column] })
  const detail = { kind: 'column-added' as const, table, column: built.column, inCreateTable: false, inherited: false, serial: built.serial, ifNotExists: Boolean(cmd.missing_ok) }
  const emitted: Emitted[] = [
    onTable(detail, table, key, addColumnAction(built.column, built.serial), scope, `${key}.${built.column.name}`, 'file'),
  ]
  for (const spec of built.constraints) {
    const current = next.tables.get(key)
    if (current !== undefined) next = addConstraint(next, current, spec)
    emitted.push(constraintEmitted(spec, table, key, scope, false))
  }
  return { schema: next, emitted }
}

/** Changes on one named column: the table before, the column before, and its object name. */
function columnContext(cmd: AlterTableCmd, { schema, key }: AlterState) {
  const table = schema.tables.get(key)
  const name = cmd.name ?? ''
  const column = findColumn(table, name)
  return { table, name, column, object: `${key}.${name}`, origin: originOf(column ?? table) }
}

export function dropColumn(cmd: AlterTableCmd, state: AlterState): SubEffect {
  const { table, name, column, object, origin } = columnContext(cmd, state)
  if (cmd.missing_ok && table !== undefined && column === undefined) return { schema: state.schema, emitted: [] }
  const cascade = cmd.behavior === 'DROP_CASCADE'
  const detail = { kind: 'column-dropped' as const, table, ...(column ? { column } : {}), cascade, ifExists: Boolean(cmd.missing_ok) }
  let schema = state.schema
  if (table !== undefined) {
    const constraints = table.constraints.filter((c) => !c.columns.includes(name))
    schema = putTable(schema, { ...table, columns: table.columns.filter((c) => c.name !== name), constraints })
    schema = withoutIndexes(schema, (index) => index.table === state.key && index.columns.includes(name))
  }
  return { schema, emitted: [onTable(detail, table, state.key, 'drop-column', state.scope, object, origin)] }
}

/** True when USING only reads the column (optionally cast): PostgreSQL then decides by the types alone. */
function isPlainUsing(using: unknown, column: string): boolean {
  if (using === undefined) return true
  const inner = nodeType(using) === 'TypeCast' ? nodeOf<{ arg?: unknown }>(using, 'TypeCast')?.arg : using
  const fields = stringList(nodeOf<{ fields?: unknown[] }>(inner, 'ColumnRef')?.fields)
  return fields.length === 1 && fields[0] === column
}

export function alterColumnType(cmd: AlterTableCmd, state: AlterState): SubEffect {
  const { table, name, column, object, origin } = columnContext(cmd, state)
  const def = nodeOf<ColumnDef>(cmd.def, 'ColumnDef')
  const to = typeRefOf(def?.typeName)
  const facts = typeChangeFacts(column?.type, to, isPlainUsing(def?.raw_default, name))
  const enums = enumTypeChange(userType(state.schema, state.scope, column?.type), userType(state.schema, state.scope, to), state.key, state.scope)
  const detail = {
    kind: 'column-type-changed' as const,
    table,
    ...(column ? { column, from: column.type } : {}),
    to,
    using: def?.raw_default !== undefined,
    compatibility: enums?.widened ? ('widened' as const) : facts.compatibility,
    rewrite: facts.rewrite,
  }
  const schema = table === undefined ? state.schema : putTable(state.schema, mapColumns(table, name, (c) => ({ ...c, type: to })))
  const emitted = [onTable(detail, table, state.key, facts.action, state.scope, object, origin), ...(enums?.dropped ?? [])]
  return { schema, emitted }
}

export function setNotNull(cmd: AlterTableCmd, state: AlterState): SubEffect {
  const { table, name, column, object, origin } = columnContext(cmd, state)
  const provenByCheck = hasValidNotNullCheck(table, name)
  const detail = { kind: 'column-set-not-null' as const, table, ...(column ? { column } : {}), provenByCheck }
  const schema = table === undefined ? state.schema : putTable(state.schema, mapColumns(table, name, (c) => ({ ...c, notNull: true })))
  const action = provenByCheck ? 'set-not-null-proven' : 'set-not-null'
  return { schema, emitted: [onTable(detail, table, state.key, action, state.scope, object, origin)] }
}

export function dropNotNull(cmd: AlterTableCmd, state: AlterState): SubEffect {
  const { table, name, column, object, origin } = columnContext(cmd, state)
  const detail = { kind: 'column-drop-not-null' as const, table, ...(column ? { column } : {}) }
  const schema = table === undefined ? state.schema : putTable(state.schema, mapColumns(table, name, (c) => ({ ...c, notNull: false })))
  return { schema, emitted: [onTable(detail, table, state.key, 'drop-not-null', state.scope, object, origin)] }
}

export function columnDefault(cmd: AlterTableCmd, state: AlterState): SubEffect {
  const { table, name, column, object, origin } = columnContext(cmd, state)
  if (cmd.def === undefined) {
    const detail = { kind: 'column-default-dropped' as const, table, ...(column ? { column } : {}) }
    const schema = table === undefined ? state.schema : putTable(state.schema, mapColumns(table, name, ({ default: _, ...c }) => c))
    return { schema, emitted: [onTable(detail, table, state.key, 'drop-default', state.scope, object, origin)] }
  }
  const value = expressionInfo(cmd.def, state.schema.stableFunctions)
  const detail = { kind: 'column-default-set' as const, table, ...(column ? { column } : {}), default: value }
  const schema = table === undefined ? state.schema : putTable(state.schema, mapColumns(table, name, (c) => ({ ...c, default: value })))
  return { schema, emitted: [onTable(detail, table, state.key, 'set-default', state.scope, object, origin)] }
}
