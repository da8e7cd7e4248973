import type { ConstraintModel, IndexModel, SchemaModel, TableModel } from '../../db/schema-model.js'

/**
 * What plans need to know about a table from the schema model: the key to batch by, the indexes
 * and constraints that involve a column, the foreign keys pointing at it.
 *
 * @example
 * batchKey(users) // ['id']
 */

/** Primary-key columns, else the columns of a UNIQUE constraint whose columns are all NOT NULL. */
export function batchKey(table: TableModel): ReadonlyArray<string> | undefined {
  const pk = table.constraints.find((c) => c.type === 'primary-key')
  if (pk !== undefined && pk.columns.length > 0) return pk.columns
  const notNull = new Set(table.columns.filter((c) => c.notNull).map((c) => c.name))
  const unique = table.constraints.find((c) => c.type === 'unique' && c.columns.length > 0 && c.columns.every((n) => notNull.has(n)))
  return unique?.columns
}

/** The batch key of a plan that backfills the table, or why it cannot be planned: no key to batch by. */
export function backfillKey(table: TableModel): ReadonlyArray<string> | { readonly unsupported: string } {
  return batchKey(table) ?? { unsupported: `\`${table.key}\` has no primary key to batch the backfill by` }
}

/** Indexes of the table whose columns include `column`. */
export function indexesOn(schema: SchemaModel, table: TableModel, column: string): ReadonlyArray<IndexModel> {
  return [...schema.indexes.values()]
    .filter((index) => index.table === table.key && index.columns.includes(column))
    .sort((x, y) => x.key.localeCompare(y.key))
}

/** Plain indexes rollsafe can re-create from the model: columns only, not partial. */
export function isCopyable(index: IndexModel): boolean {
  return !index.partial && index.columns.every((c) => !c.startsWith('('))
}

/** Constraints of the table on `column` of one type. */
export function constraintsOn(table: TableModel, column: string, type: ConstraintModel['type']): ReadonlyArray<ConstraintModel> {
  return table.constraints.filter((c) => c.type === type && c.columns.includes(column))
}

/** Foreign keys of other tables (or this one) that reference `table` (and `column`, when given). */
export function referencingKeys(
  schema: SchemaModel,
  table: TableModel,
  column?: string,
): ReadonlyArray<{ readonly table: TableModel; readonly constraint: ConstraintModel }> {
  const found: Array<{ table: TableModel; constraint: ConstraintModel }> = []
  for (const other of schema.tables.values()) {
    for (const constraint of other.constraints) {
      const target = constraint.references
      if (constraint.type !== 'foreign-key' || target?.table !== table.key) continue
      if (column !== undefined && !target.columns.includes(column)) continue
      found.push({ table: other, constraint })
    }
  }
  return found.sort((x, y) => `${x.table.key}.${x.constraint.name}`.localeCompare(`${y.table.key}.${y.constraint.name}`))
}
