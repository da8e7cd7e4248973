import type { SchemaModel, TableModel } from '../../../db/schema-model.js'
import type { SeedHint } from '../plan.js'
import { columnValue, fillsItself, referenceOf } from '../sample-values.js'
import { doBlock } from '../phase-sql.js'
import { ident, qualified } from '../sql.js'

/**
 * SQL that gives the tables a plan touches (and the tables they reference, first) `rows` rows each,
 * with values from the column types: distinct where a key needs it, NULL in every fourth row of a
 * nullable column, foreign keys pointing at the referenced table's rows. Referenced tables get
 * three times as many rows, so that probes find rows nothing references yet (a one-to-one key).
 * A row a CHECK or key refuses is skipped, not fatal: `tables` lists what must end up non-empty.
 *
 * @example
 * const { sql, tables } = seedRows(schemaA, ['public.orders'], [], 24)
 */
export interface SeedRows {
  readonly sql: string
  readonly tables: ReadonlyArray<TableModel>
}

export function seedRows(schema: SchemaModel, tables: ReadonlyArray<string>, hints: ReadonlyArray<SeedHint>, rows: number): SeedRows {
  const ordered: TableModel[] = []
  const referenced = new Set<string>()
  const visiting = new Set<string>()
  const visit = (key: string): void => {
    const table = schema.tables.get(key)
    if (table === undefined || visiting.has(key)) return
    visiting.add(key)
    for (const column of table.columns) {
      const reference = referenceOf(table, column.name, hints)
      // Only a reference a row cannot do without orders the seeding (a cycle of keys has a nullable one).
      const needed = column.notNull || hints.some((h) => h.table === key && h.column === column.name)
      if (reference === undefined || reference.table === key || !needed) continue
      referenced.add(reference.table)
      visit(reference.table)
    }
    ordered.push(table)
  }
  for (const key of [...tables].sort()) visit(key)
  const sql = ordered.map((table) => seedTable(schema, table, hints, referenced.has(table.key) ? rows * 3 : rows)).join('\n\n')
  return { sql, tables: ordered }
}

function seedTable(schema: SchemaModel, table: TableModel, hints: ReadonlyArray<SeedHint>, count: number): string {
  const hinted = new Set(hints.filter((h) => h.table === table.key).map((h) => h.column))
  const columns = table.columns.filter((c) => c.generated === undefined && c.identity !== 'always' && (hinted.has(c.name) || !fillsItself(c)))
  const values = columns.map((column) => {
    // A table seeded with more rows spreads its own references as wide: a chain of one-to-one keys still fills.
    const value = columnValue(table, column, 'i', schema, hints, count)
    return column.notNull ? value : `CASE WHEN i % 4 = 0 THEN NULL ELSE ${value} END`
  })
  const insert =
    columns.length === 0
      ? `INSERT INTO ${qualified(table.name)} DEFAULT VALUES;`
      : `INSERT INTO ${qualified(table.name)} (${columns.map((c) => ident(c.name)).join(', ')})\n        VALUES (${values.join(',\n                ')});`
  return doBlock([
    `FOR i IN 1..${count} LOOP`,
    '  BEGIN',
    `    ${insert}`,
    '  EXCEPTION WHEN integrity_constraint_violation THEN NULL;  -- a row a CHECK or key refuses is left out',
    '  END;',
    'END LOOP;',
  ])
}
