import type { AlterObjectSchemaStmt, RenameStmt } from 'libpg-query'
import type { DbChangeDetail } from '../change.js'
import { nodeOf, nodeType, qualify, stringList, type QualifiedName } from '../pg-ast.js'
import { findColumn, mapColumns, withEntry, type IndexModel, type SchemaModel, type TableModel } from '../schema-model.js'
import { retypeColumns } from './enum-types.js'
import { onObject, onTable, originOf, resolveKey, type ReplayScope, type StatementEffect } from './scope.js'

/** Moves a table to a new key, keeping its indexes, foreign keys pointing at it and partitions. */
export function moveTable(schema: SchemaModel, from: string, to: QualifiedName): SchemaModel {
  const table = schema.tables.get(from)
  if (table === undefined) return schema
  const key = qualify(to)
  // Only tables that point at the moved one change; the others are kept as they are (same order, same objects).
  const retarget = (t: TableModel): TableModel => {
    const pointing = t.constraints.some((c) => c.references?.table === from)
    if (!pointing && t.partitionOf !== from) return t
    return {
      ...t,
      ...(t.partitionOf === from ? { partitionOf: key } : {}),
      constraints: pointing
        ? t.constraints.map((c) => (c.references?.table === from ? { ...c, references: { ...c.references, table: key } } : c))
        : t.constraints,
    }
  }
  const tables = new Map<string, TableModel>()
  schema.tables.forEach((t, k) => {
    if (k !== from) tables.set(k, retarget(t))
  })
  tables.set(key, retarget({ ...table, key, name: to }))
  const indexes = new Map<string, IndexModel>()
  schema.indexes.forEach((i, k) => indexes.set(k, i.table === from ? { ...i, table: key } : i))
  return { ...schema, tables, indexes }
}

function objectName(node: unknown): { schema?: string; name: string } {
  const parts =
    nodeType(node) === 'List' ? stringList(nodeOf<{ items?: unknown[] }>(node, 'List')?.items) : stringList([node])
  const name = parts[parts.length - 1] ?? ''
  return parts.length >= 2 ? { schema: parts[parts.length - 2]!, name } : { name }
}

/** ALTER … RENAME: tables, columns, constraints, indexes, views, types, schemas. */
export function rename(s: RenameStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const rv = s.relation
  const newname = s.newname ?? ''
  switch (s.renameType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE': {
      const key = resolveKey(schema.tables, scope, rv?.schemaname, rv?.relname ?? '')
      const table = schema.tables.get(key)
      const to = { schema: key.split('.')[0] ?? 'public', name: newname }
      const detail: DbChangeDetail = { kind: 'table-renamed', table, from: key, to: qualify(to), recreated: false }
      return { schema: moveTable(schema, key, to), emitted: [onTable(detail, table, key, 'rename-table', scope)] }
    }
    case 'OBJECT_COLUMN': {
      const key = resolveKey(schema.tables, scope, rv?.schemaname, rv?.relname ?? '')
      const table = schema.tables.get(key)
      const from = s.subname ?? ''
      const column = findColumn(table, from)
      const detail: DbChangeDetail = { kind: 'column-renamed', table, ...(column ? { column } : {}), from, to: newname }
      const renamed = table === undefined ? undefined : mapColumns(table, from, (c) => ({ ...c, name: newname }))
      const retargeted = renamed && {
        ...renamed,
        constraints: renamed.constraints.map((c) => ({ ...c, columns: c.columns.map((n) => (n === from ? newname : n)) })),
      }
      const next = retargeted === undefined ? schema : { ...schema, tables: withEntry(schema.tables, key, retargeted) }
      return { schema: next, emitted: [onTable(detail, table, key, 'rename-column', scope, `${key}.${from}`, originOf(column ?? table))] }
    }
    case 'OBJECT_TABCONSTRAINT': {
      const key = resolveKey(schema.tables, scope, rv?.schemaname, rv?.relname ?? '')
      const table = schema.tables.get(key)
      const from = s.subname ?? ''
      const detail: DbChangeDetail = { kind: 'constraint-renamed', table, from, to: newname }
      const next =
        table === undefined
          ? schema
          : { ...schema, tables: withEntry(schema.tables, key, { ...table, constraints: table.constraints.map((c) => (c.name === from ? { ...c, name: newname } : c)) }) }
      return { schema: next, emitted: [onTable(detail, table, key, 'rename-constraint', scope, `${key}.${from}`)] }
    }
    case 'OBJECT_INDEX': {
      const key = resolveKey(schema.indexes, scope, rv?.schemaname, rv?.relname ?? '')
      const index = schema.indexes.get(key)
      const tableKey = index?.table ?? key
      const table = schema.tables.get(tableKey)
      const to = `${key.split('.')[0]}.${newname}`
      const detail: DbChangeDetail = { kind: 'index-renamed', table, from: key, to }
      const moved = index === undefined ? schema.indexes : withEntry(withEntry(schema.indexes, key, undefined), to, { ...index, key: to, name: { ...index.name, name: newname } })
      return { schema: { ...schema, indexes: moved }, emitted: [onTable(detail, table, tableKey, 'rename-index', scope, key, originOf(index ?? table))] }
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const key = resolveKey(schema.views, scope, rv?.schemaname, rv?.relname ?? '')
      const view = schema.views.get(key)
      const to = `${key.split('.')[0]}.${newname}`
      const views = view === undefined ? schema.views : withEntry(withEntry(schema.views, key, undefined), to, { ...view, key: to, name: { ...view.name, name: newname } })
      return { schema: { ...schema, views }, emitted: [onObject({ kind: 'view-renamed', from: key, to, recreated: false }, key, originOf(view), 'replace-view', scope, key)] }
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const { schema: schemaName, name } = objectName(s.object)
      const key = resolveKey(schema.types, scope, schemaName, name)
      const type = schema.types.get(key)
      const to = `${key.split('.')[0]}.${newname}`
      const types = type === undefined ? schema.types : withEntry(withEntry(schema.types, key, undefined), to, { ...type, key: to, name: { ...type.name, name: newname } })
      const detail: DbChangeDetail = { kind: 'type-renamed', from: key, to, ...(type ? { type } : {}), recreated: false }
      const retyped = retypeColumns(schema, scope, key, to)
      return { schema: { ...retyped, types }, emitted: [onObject(detail, key, originOf(type), 'none', scope)] }
    }
    case 'OBJECT_SCHEMA': {
      const from = s.subname ?? ''
      return { schema, emitted: [onObject({ kind: 'schema-renamed', from, to: newname }, from, 'existing', 'none', scope)] }
    }
    default:
      return { schema, emitted: [] }
  }
}

/** ALTER TABLE / VIEW / TYPE … SET SCHEMA: a rename to another schema. */
export function setSchema(s: AlterObjectSchemaStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const newschema = s.newschema ?? 'public'
  if (s.objectType === 'OBJECT_TABLE') {
    const key = resolveKey(schema.tables, scope, s.relation?.schemaname, s.relation?.relname ?? '')
    const table = schema.tables.get(key)
    const to = { schema: newschema, name: s.relation?.relname ?? '' }
    const detail: DbChangeDetail = { kind: 'table-renamed', table, from: key, to: qualify(to), recreated: false }
    return { schema: moveTable(schema, key, to), emitted: [onTable(detail, table, key, 'rename-table', scope)] }
  }
  if (s.objectType === 'OBJECT_VIEW' || s.objectType === 'OBJECT_MATVIEW') {
    const key = resolveKey(schema.views, scope, s.relation?.schemaname, s.relation?.relname ?? '')
    const to = `${newschema}.${s.relation?.relname ?? ''}`
    return { schema, emitted: [onObject({ kind: 'view-renamed', from: key, to, recreated: false }, key, originOf(schema.views.get(key)), 'replace-view', scope, key)] }
  }
  if (s.objectType === 'OBJECT_TYPE') {
    const { schema: schemaName, name } = objectName(s.object)
    const key = resolveKey(schema.types, scope, schemaName, name)
    const type = schema.types.get(key)
    const detail: DbChangeDetail = { kind: 'type-renamed', from: key, to: `${newschema}.${name}`, ...(type ? { type } : {}), recreated: false }
    return { schema, emitted: [onObject(detail, key, originOf(type), 'none', scope)] }
  }
  return { schema, emitted: [] }
}
