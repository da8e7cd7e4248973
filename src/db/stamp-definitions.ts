import type { SourceRef } from '../core/source-ref.js'
import type { Emitted } from './replay/scope.js'
import { withEntry, type SchemaModel } from './schema-model.js'

/** Records where created objects were defined, so that a schema diff can point at their lines. */
export function stampDefinitions(schema: SchemaModel, emitted: ReadonlyArray<Emitted>, at: SourceRef): SchemaModel {
  let next = schema
  for (const { detail } of emitted) {
    if (detail.kind === 'table-created') {
      const table = next.tables.get(detail.created.key)
      if (table === undefined) continue
      const columns = table.columns.map((c) => (c.definedAt ? c : { ...c, definedAt: at }))
      next = { ...next, tables: withEntry(next.tables, table.key, { ...table, columns, definedAt: at }) }
    } else if (detail.kind === 'column-added' && !detail.inCreateTable && detail.table !== undefined) {
      const table = next.tables.get(detail.table.key)
      if (table === undefined) continue
      const columns = table.columns.map((c) => (c.name === detail.column.name ? { ...c, definedAt: at } : c))
      next = { ...next, tables: withEntry(next.tables, table.key, { ...table, columns }) }
    } else if (detail.kind === 'index-created') {
      const index = next.indexes.get(detail.index.key)
      if (index !== undefined) next = { ...next, indexes: withEntry(next.indexes, index.key, { ...index, definedAt: at }) }
    } else if (detail.kind === 'type-created') {
      const type = next.types.get(detail.type.key)
      if (type !== undefined) next = { ...next, types: withEntry(next.types, type.key, { ...type, definedAt: at }) }
    } else if (detail.kind === 'view-created') {
      const view = next.views.get(detail.view.key)
      if (view !== undefined && !view.definedAt) next = { ...next, views: withEntry(next.views, view.key, { ...view, definedAt: at }) }
    }
  }
  return next
}
