import type { DropStmt, TruncateStmt, TypeName } from 'libpg-query'
import { lockFacts, type LockFacts } from '../lock-facts.js'
import { nodeOf, nodeType, stringList } from '../pg-ast.js'
import { withEntry, type IndexModel, type SchemaModel } from '../schema-model.js'
import { typeRefOf } from '../type-ref.js'
import { onObject, onTable, originOf, relationKey, resolveKey, type Emitted, type ReplayScope, type StatementEffect } from './scope.js'

/** `[schema, name]` of a dropped object: a List of Strings, a String, or a TypeName. */
function objectParts(node: unknown): string[] {
  if (nodeType(node) === 'List') return stringList(nodeOf<{ items?: unknown[] }>(node, 'List')?.items)
  if (nodeType(node) === 'String') return stringList([node])
  if (nodeType(node) === 'TypeName') return typeRefOf(nodeOf<TypeName>(node, 'TypeName')).name.split('.')
  return []
}

function split(parts: ReadonlyArray<string>): { schema?: string; name: string } {
  const name = parts[parts.length - 1] ?? ''
  return parts.length >= 2 ? { schema: parts[parts.length - 2]!, name } : { name }
}

/** Removes indexes matching `test`, as new overlay entries (no copy of the whole map). */
export function withoutIndexes(schema: SchemaModel, test: (index: IndexModel) => boolean): SchemaModel {
  const gone: string[] = []
  schema.indexes.forEach((index, k) => {
    if (test(index)) gone.push(k)
  })
  let indexes = schema.indexes
  for (const k of gone) indexes = withEntry(indexes, k, undefined)
  return gone.length === 0 ? schema : { ...schema, indexes }
}

/** Removes a table with its indexes. */
export function removeTable(schema: SchemaModel, key: string): SchemaModel {
  const next = withoutIndexes(schema, (index) => index.table === key)
  return { ...next, tables: withEntry(schema.tables, key, undefined) }
}

function dropOne(s: DropStmt, node: unknown, schema: SchemaModel, scope: ReplayScope): { schema: SchemaModel; emitted: Emitted[]; locks: LockFacts[] } {
  const parts = objectParts(node)
  const { schema: schemaName, name } = split(parts)
  const cascade = s.behavior === 'DROP_CASCADE'
  const none = { schema, emitted: [], locks: [] }
  switch (s.removeType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE': {
      const key = resolveKey(schema.tables, scope, schemaName, name)
      const table = schema.tables.get(key)
      return { schema: removeTable(schema, key), emitted: [onTable({ kind: 'table-dropped', table, cascade }, table, key, 'drop-table', scope)], locks: [] }
    }
    case 'OBJECT_INDEX': {
      const key = resolveKey(schema.indexes, scope, schemaName, name)
      const index = schema.indexes.get(key)
      const tableKey = index?.table ?? key
      const table = schema.tables.get(tableKey)
      const concurrently = Boolean(s.concurrent)
      const detail = { kind: 'index-dropped' as const, table, name: key, ...(index ? { index } : {}), concurrently, ifExists: Boolean(s.missing_ok) }
      const action = concurrently ? 'drop-index-concurrently' : 'drop-index'
      const next = { ...schema, indexes: withEntry(schema.indexes, key, undefined) }
      return { schema: next, emitted: [onTable(detail, table, tableKey, action, scope, key, originOf(index ?? table))], locks: [] }
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const key = resolveKey(schema.views, scope, schemaName, name)
      const view = schema.views.get(key)
      const detail = { kind: 'view-dropped' as const, ...(view ? { view } : {}), materialized: s.removeType === 'OBJECT_MATVIEW' }
      return { schema: { ...schema, views: withEntry(schema.views, key, undefined) }, emitted: [onObject(detail, key, originOf(view), 'drop-view', scope, key)], locks: [] }
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const key = resolveKey(schema.types, scope, schemaName, name)
      const type = schema.types.get(key)
      const detail = { kind: 'type-dropped' as const, ...(type ? { type } : {}), cascade }
      return { schema: { ...schema, types: withEntry(schema.types, key, undefined) }, emitted: [onObject(detail, key, originOf(type), 'none', scope)], locks: [] }
    }
    case 'OBJECT_SEQUENCE': {
      const key = resolveKey(schema.sequences, scope, schemaName, name)
      return { ...none, schema: { ...schema, sequences: withEntry(schema.sequences, key, undefined) } }
    }
    case 'OBJECT_SCHEMA': {
      const keep = <V>(map: ReadonlyMap<string, V>) => new Map([...map].filter(([k]) => !k.startsWith(`${name}.`)))
      const schemas = new Set(schema.schemas)
      schemas.delete(name)
      const next = { ...schema, schemas, tables: keep(schema.tables), indexes: keep(schema.indexes), types: keep(schema.types), views: keep(schema.views), sequences: keep(schema.sequences) }
      return { schema: next, emitted: [onObject({ kind: 'schema-dropped', cascade }, name, 'existing', 'none', scope)], locks: [] }
    }
    case 'OBJECT_TRIGGER':
    case 'OBJECT_RULE':
    case 'OBJECT_POLICY': {
      const table = resolveKey(schema.tables, scope, parts.length >= 3 ? parts[0] : undefined, parts[parts.length - 2] ?? '')
      return { ...none, locks: [lockFacts('alter-table-other', scope.pgVersion, table)] }
    }
    case 'OBJECT_EXTENSION': {
      const extensions = new Set(schema.extensions)
      extensions.delete(name)
      return { ...none, schema: { ...schema, extensions } }
    }
    default:
      return none
  }
}

/** DROP TABLE / INDEX / VIEW / TYPE / SCHEMA / SEQUENCE / TRIGGER …, one change per object. */
export function drop(s: DropStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const emitted: Emitted[] = []
  const locks: LockFacts[] = []
  for (const node of s.objects ?? []) {
    const effect = dropOne(s, node, schema, scope)
    schema = effect.schema
    emitted.push(...effect.emitted)
    locks.push(...effect.locks)
  }
  return { schema, emitted, locks }
}

export function truncate(s: TruncateStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const cascade = s.behavior === 'DROP_CASCADE'
  const emitted = (s.relations ?? []).map((node) => {
    const key = relationKey(schema, scope, nodeOf(node, 'RangeVar'))
    const table = schema.tables.get(key)
    return onTable({ kind: 'table-truncated', table, cascade }, table, key, 'truncate', scope)
  })
  return { schema, emitted }
}
