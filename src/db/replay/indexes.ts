import type { DefElem, IndexElem, IndexStmt, ReindexStmt } from 'libpg-query'
import type { DbChangeDetail } from '../change.js'
import { nodeOf } from '../pg-ast.js'
import { withEntry, type IndexModel, type SchemaModel } from '../schema-model.js'
import { onTable, originOf, relationKey, resolveKey, unchanged, type ReplayScope, type StatementEffect } from './scope.js'

function indexColumns(s: IndexStmt): string[] {
  return (s.indexParams ?? []).map((p) => {
    const elem = nodeOf<IndexElem>(p, 'IndexElem')
    return elem?.name ?? '(expression)'
  })
}

/** PostgreSQL's default index name: `table_col1_col2_idx` (`_key` for unique, `_pkey` for primary). */
function defaultIndexName(table: string, s: IndexStmt, columns: ReadonlyArray<string>): string {
  if (s.primary) return `${table}_pkey`
  const parts = columns.map((c) => (c === '(expression)' ? 'expr' : c))
  return `${table}_${parts.join('_')}_${s.unique ? 'key' : 'idx'}`
}

/** CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS]. */
export function createIndex(s: IndexStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const tableKey = relationKey(schema, scope, s.relation)
  const table = schema.tables.get(tableKey)
  const tableSchema = tableKey.split('.')[0] ?? 'public'
  const columns = indexColumns(s)
  const name = s.idxname ?? defaultIndexName(s.relation?.relname ?? '', s, columns)
  const key = `${tableSchema}.${name}`
  if (s.if_not_exists && schema.indexes.has(key)) return unchanged(schema)
  const index: IndexModel = {
    key,
    name: { schema: tableSchema, name },
    table: tableKey,
    unique: Boolean(s.unique),
    columns,
    partial: s.whereClause !== undefined,
    method: s.accessMethod ?? 'btree',
    origin: 'file',
  }
  const concurrently = Boolean(s.concurrent)
  const detail: DbChangeDetail = {
    kind: 'index-created',
    table,
    index,
    concurrently,
    ifNotExists: Boolean(s.if_not_exists),
    named: s.idxname !== undefined,
  }
  const action = concurrently ? 'create-index-concurrently' : 'create-index'
  return {
    schema: { ...schema, indexes: withEntry(schema.indexes, key, index) },
    emitted: [onTable(detail, table, tableKey, action, scope, key, 'file')],
  }
}

/** REINDEX [ (CONCURRENTLY) ] INDEX | TABLE name. */
export function reindex(s: ReindexStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const concurrently = (s.params ?? []).some((p) => nodeOf<DefElem>(p, 'DefElem')?.defname === 'concurrently')
  const action = concurrently ? 'reindex-concurrently' : 'reindex'
  if (s.kind === 'REINDEX_OBJECT_INDEX') {
    const key = resolveKey(schema.indexes, scope, s.relation?.schemaname, s.relation?.relname ?? '')
    const index = schema.indexes.get(key)
    const tableKey = index?.table ?? key
    const table = schema.tables.get(tableKey)
    const detail: DbChangeDetail = { kind: 'index-rebuilt', table, concurrently, target: key }
    return { schema, emitted: [onTable(detail, table, tableKey, action, scope, key, originOf(index ?? table))] }
  }
  if (s.kind === 'REINDEX_OBJECT_TABLE') {
    const key = relationKey(schema, scope, s.relation)
    const table = schema.tables.get(key)
    return { schema, emitted: [onTable({ kind: 'index-rebuilt', table, concurrently, target: key }, table, key, action, scope)] }
  }
  const target = s.name ?? ''
  return { schema, emitted: [onTable({ kind: 'index-rebuilt', table: undefined, concurrently, target }, undefined, target, action, scope)] }
}
