import type { SchemaModel } from '../../../db/schema-model.js'
import type { SqlSession } from '../../../db/shadow/sql-session.js'
import { serialBase } from '../../../db/type-ref.js'
import { ident, literal, qualified } from '../sql.js'

/**
 * What the verifier compares: the schema as the catalog shows it (columns, constraints, indexes,
 * triggers, functions, views, types of user schemas, one line each, sorted), and version A's view
 * of its rows.
 *
 * @example
 * const before = await schemaSnapshot(session)
 * // … a phase and its rollback …
 * differences(before, await schemaSnapshot(session)) // [] when the rollback restored the schema
 */
// Catalog rows of user schemas only, reached through small CTEs so that PGlite (slow at
// scanning the whole catalog) answers in milliseconds.
const snapshotSql = `
WITH ns AS MATERIALIZED (SELECT oid, nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'),
rel AS MATERIALIZED (SELECT c.oid, c.relname, c.relkind, ns.nspname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace)
SELECT line FROM (
  SELECT format('column %s.%s %s %s%s%s', r.nspname, r.relname, a.attname, format_type(a.atttypid, a.atttypmod),
         CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')) AS line
  FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attnum > 0 AND NOT a.attisdropped AND r.relkind IN ('r', 'p', 'v', 'm')
  UNION ALL
  SELECT format('constraint %s.%s %s %s%s', r.nspname, r.relname, k.conname, pg_get_constraintdef(k.oid), CASE WHEN k.convalidated THEN '' ELSE ' not valid' END)
  FROM rel r JOIN pg_constraint k ON k.conrelid = r.oid
  UNION ALL
  SELECT format('index %s%s', pg_get_indexdef(i.indexrelid), CASE WHEN i.indisvalid THEN '' ELSE ' invalid' END)
  FROM rel r JOIN pg_index i ON i.indexrelid = r.oid
  UNION ALL
  SELECT format('trigger %s.%s %s', r.nspname, r.relname, t.tgname) FROM rel r JOIN pg_trigger t ON t.tgrelid = r.oid WHERE NOT t.tgisinternal
  UNION ALL
  SELECT format('function %s.%s', ns.nspname, p.proname) FROM ns JOIN pg_proc p ON p.pronamespace = ns.oid
  UNION ALL
  SELECT format('view %s.%s %s', r.nspname, r.relname, pg_get_viewdef(r.oid)) FROM rel r WHERE r.relkind = 'v'
  UNION ALL
  SELECT format('type %s.%s %s', ns.nspname, t.typname, (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid))
  FROM ns JOIN pg_type t ON t.typnamespace = ns.oid WHERE t.typtype IN ('e', 'd')
  UNION ALL
  SELECT format('schema %s', ns.nspname) FROM ns
) AS catalog WHERE line NOT LIKE '%pg_temp%' ORDER BY line`

export async function schemaSnapshot(session: SqlSession): Promise<ReadonlyArray<string>> {
  return (await session.exec(snapshotSql)).map((r) => String(r['line']))
}

/** Lines only in `before` (`- …`) or only in `after` (`+ …`). */
export function differences(before: ReadonlyArray<string>, after: ReadonlyArray<string>): ReadonlyArray<string> {
  const was = new Set(before)
  const is = new Set(after)
  return [...before.filter((l) => !is.has(l)).map((l) => `- ${l}`), ...after.filter((l) => !was.has(l)).map((l) => `+ ${l}`)]
}

/** Version A's rows of a table, A's columns only, as sorted JSON lines. */
export async function rowsAsSeenBy(session: SqlSession, schema: SchemaModel, key: string, name?: string): Promise<ReadonlyArray<string>> {
  const table = schema.tables.get(key)
  if (table === undefined) return []
  const columns = table.columns.map((c) => ident(c.name)).join(', ')
  const rows = await session.exec(`SELECT row_to_json(x)::text AS line FROM (SELECT ${columns} FROM ${name ?? qualified(table.name)}) AS x ORDER BY 1`)
  return rows.map((r) => String(r['line']))
}

/** Columns of the tables in the database that differ from a schema model (names, types, NOT NULL). */
export async function shapeDifferences(session: SqlSession, schema: SchemaModel, key: string): Promise<ReadonlyArray<string>> {
  const table = schema.tables.get(key)
  const [schemaName, tableName] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)]
  const rows = await session.exec(
    `SELECT column_name AS name, udt_name AS type, is_nullable = 'NO' AS not_null FROM information_schema.columns WHERE table_schema = ${literal(schemaName)} AND table_name = ${literal(tableName)} ORDER BY column_name`,
  )
  const actual = rows.map((r) => `${String(r['name'])} ${String(r['type'])}${r['not_null'] ? ' not null' : ''}`)
  const expected = (table?.columns ?? [])
    .map((c) => {
      const base = (serialBase(c.type) ?? c.type.name).split('.').pop()?.replaceAll('"', '') ?? ''
      return `${c.name} ${'_'.repeat(Math.min(c.type.arrayDims, 1))}${base}${c.notNull ? ' not null' : ''}`
    })
    .sort()
  return differences(expected, actual)
}
