import type { SchemaModel, TableModel } from '../../../db/schema-model.js'
import type { SeedHint } from '../plan.js'
import { columnValue, fillsItself, referenceOf } from '../sample-values.js'
import { ident, qualified } from '../sql.js'

/**
 * INSERTs that give the tables a plan touches (and the tables they reference, first) `rows` rows
 * each, with values from the column types: distinct where a key needs it, NULL in every fourth
 * row of a nullable column, foreign keys pointing at the referenced table's rows.
 *
 * @example
 * seedStatements(schemaA, ['public.orders'], [], 24)
 * // ['INSERT INTO public.users (email) SELECT …', 'INSERT INTO public.orders (…) SELECT …']
 */
export function seedStatements(schema: SchemaModel, tables: ReadonlyArray<string>, hints: ReadonlyArray<SeedHint>, rows: number): ReadonlyArray<string> {
  const ordered: TableModel[] = []
  const visiting = new Set<string>()
  const visit = (key: string): void => {
    const table = schema.tables.get(key)
    if (table === undefined || visiting.has(key)) return
    visiting.add(key)
    for (const column of table.columns) {
      const reference = referenceOf(table, column.name, hints)
      if (reference !== undefined && reference.table !== key) visit(reference.table)
    }
    ordered.push(table)
  }
  for (const key of [...tables].sort()) visit(key)
  return ordered.map((table) => seedTable(schema, table, hints, rows))
}

function seedTable(schema: SchemaModel, table: TableModel, hints: ReadonlyArray<SeedHint>, rows: number): string {
  const hinted = new Set(hints.filter((h) => h.table === table.key).map((h) => h.column))
  const columns = table.columns.filter((c) => c.generated === undefined && c.identity !== 'always' && (hinted.has(c.name) || !fillsItself(c)))
  const values = columns.map((column) => {
    const value = columnValue(table, column, 'i', schema, hints, rows)
    return column.notNull ? value : `CASE WHEN i % 4 = 0 THEN NULL ELSE ${value} END`
  })
  if (columns.length === 0) return `INSERT INTO ${qualified(table.name)} SELECT FROM generate_series(1, ${rows}) AS i;`
  return `INSERT INTO ${qualified(table.name)} (${columns.map((c) => ident(c.name)).join(', ')})\n  SELECT ${values.join(',\n         ')}\n  FROM generate_series(1, ${rows}) AS i;`
}
