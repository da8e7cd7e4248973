import { withEntry, type ObjectOrigin, type SchemaModel, type TableModel } from './schema-model.js'

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
  touched: ReadonlySet<string>,
): ReadonlyMap<string, V> {
  let next = map
  for (const key of touched) {
    const value = map.get(key)
    if (value === undefined) continue
    const settled = update(value)
    if (settled !== value) next = withEntry(next, key, settled)
  }
  return next
}

/**
 * At the end of a file, what it created stops being `file`: it becomes `run` (a checked migration
 * made it) or `existing` (history or the base schema made it, so version A knows it). `touched`
 * holds the keys the file's statements named; only those can have changed.
 */
export function settleOrigins(schema: SchemaModel, to: 'run' | 'existing', touched: ReadonlySet<string>): SchemaModel {
  return {
    ...schema,
    tables: settleMap(schema.tables, (t) => settleTable(t, to), touched),
    indexes: settleMap(schema.indexes, (i) => settle(i, to), touched),
    types: settleMap(schema.types, (t) => settle(t, to), touched),
    views: settleMap(schema.views, (v) => settle(v, to), touched),
    sequences: settleMap(schema.sequences, (s) => settle(s, to), touched),
  }
}

/** The keys an action may have created or changed: its table, its object and the object's parent, a rename's target. */
export function touchedKeys(keys: Set<string>, object: string, table: string | undefined, renamedTo: string | undefined): void {
  keys.add(object)
  keys.add(object.slice(0, object.lastIndexOf('.')))
  if (table !== undefined) keys.add(table)
  if (renamedTo !== undefined) keys.add(renamedTo)
}
