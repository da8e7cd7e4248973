import type { ObjectOrigin, SchemaModel, TableModel } from './schema-model.js'

function settle<T extends { readonly origin: ObjectOrigin }>(object: T, to: ObjectOrigin): T {
  return object.origin === 'file' ? { ...object, origin: to } : object
}

function settleTable(table: TableModel, to: ObjectOrigin): TableModel {
  const touched =
    table.origin === 'file' || table.columns.some((c) => c.origin === 'file') || table.constraints.some((c) => c.origin === 'file')
  if (!touched) return table
  return {
    ...settle(table, to),
    columns: table.columns.map((c) => settle(c, to)),
    constraints: table.constraints.map((c) => settle(c, to)),
  }
}

function settleMap<V extends { readonly origin: ObjectOrigin }>(
  map: ReadonlyMap<string, V>,
  update: (v: V) => V,
): ReadonlyMap<string, V> {
  let next: Map<string, V> | undefined
  for (const [key, value] of map) {
    const settled = update(value)
    if (settled !== value) (next ??= new Map(map)).set(key, settled)
  }
  return next ?? map
}

/**
 * At the end of a file, what it created stops being `file`: it becomes `run` (a checked migration
 * made it) or `existing` (history or the base schema made it, so version A knows it).
 */
export function settleOrigins(schema: SchemaModel, to: 'run' | 'existing'): SchemaModel {
  return {
    ...schema,
    tables: settleMap(schema.tables, (t) => settleTable(t, to)),
    indexes: settleMap(schema.indexes, (i) => settle(i, to)),
    types: settleMap(schema.types, (t) => settle(t, to)),
    views: settleMap(schema.views, (v) => settle(v, to)),
    sequences: settleMap(schema.sequences, (s) => settle(s, to)),
  }
}
