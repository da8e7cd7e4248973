import type { ColumnModel, SchemaModel, TableModel } from '../../db/schema-model.js'
import { serialBase, type TypeRef } from '../../db/type-ref.js'
import type { SeedHint } from './plan.js'
import { ident, literal, qualified } from './sql.js'

/**
 * SQL expressions that give a column a plausible, distinct value for row `n` (an SQL integer
 * expression: a number, or `i` inside `generate_series`). Used to seed tables and to write the
 * probe statements of versions A and B.
 *
 * @example
 * sampleValue(column('email', 'text'), '7', schema) // "('v' || (7))"
 */
const numeric = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'money', 'oid'])
const textual = new Set(['text', 'varchar', 'bpchar', 'citext', 'name'])

/** The SQL spelling of a type: built-ins as PostgreSQL shows them, user types quoted when needed. */
export function typeSql(type: TypeRef): string {
  if (!type.name.includes('.') && /^[a-z0-9_ ]+$/.test(type.name)) return type.display
  const name = type.name.split('.').map(ident).join('.')
  return `${name}${type.mods.length ? `(${type.mods.join(',')})` : ''}${'[]'.repeat(type.arrayDims)}`
}

function baseValue(type: TypeRef, n: string, schema: SchemaModel): string | undefined {
  const name = serialBase(type) ?? type.name
  if (numeric.has(name)) return name === 'int2' ? `((${n}) % 30000)::int2` : `(${n})`
  if (textual.has(name)) {
    const limit = type.mods[0]
    return limit === undefined ? `('v' || (${n}))` : `right('v' || (${n}), ${limit})`
  }
  switch (name) {
    case 'bool':
      return `((${n}) % 2 = 0)`
    case 'uuid':
      return `md5((${n})::text)::uuid`
    case 'date':
      return `(date '2024-01-01' + (${n}))`
    case 'timestamp':
    case 'timestamptz':
      return `(timestamp '2024-01-01' + (${n}) * interval '1 hour')::${name}`
    case 'time':
    case 'timetz':
      return `(time '00:00' + (${n}) * interval '1 second')::${name}`
    case 'interval':
      return `((${n}) * interval '1 minute')`
    case 'json':
    case 'jsonb':
      return `${name}_build_object('n', ${n})`
    case 'bytea':
      return `decode(md5((${n})::text), 'hex')`
    case 'inet':
    case 'cidr':
      return `('10.0.' || ((${n}) / 250 % 250) || '.' || ((${n}) % 250))::${name}`
  }
  const user = lookupType(schema, type.name)
  if (user?.kind === 'enum' && user.values.length > 0) {
    const labels = user.values.map(literal).join(', ')
    return `(ARRAY[${labels}])[1 + (${n}) % ${user.values.length}]::${typeSql(type)}`
  }
  if (user?.kind === 'domain' && user.base !== undefined) {
    const value = baseValue(user.base, n, schema)
    return value === undefined ? undefined : `(${value})::${typeSql(type)}`
  }
  return undefined
}

function lookupType(schema: SchemaModel, name: string) {
  return schema.types.get(name) ?? schema.types.get(`public.${name}`)
}

/** A value for `column` in row `n`, or `NULL` when rollsafe knows no value for its type. */
export function sampleValue(column: ColumnModel, n: string, schema: SchemaModel, hint?: SeedHint): string {
  if (hint?.values !== undefined && hint.values.length > 0) {
    return `(ARRAY[${hint.values.join(', ')}])[1 + (${n}) % ${hint.values.length}]`
  }
  const type = column.type
  if (type.arrayDims > 0) {
    const element = baseValue({ ...type, arrayDims: 0, display: type.display.replace(/\[\]$/, '') }, n, schema)
    return element === undefined ? 'NULL' : `ARRAY[${element}]`
  }
  return baseValue(type, n, schema) ?? 'NULL'
}

/** Filled by the database: identity, generated, serial or with a default. */
export function fillsItself(column: ColumnModel): boolean {
  return column.identity !== undefined || column.generated !== undefined || column.default !== undefined || serialBase(column.type) !== undefined
}

/** The columns an INSERT must name: NOT NULL without a default. */
export function requiredColumns(table: TableModel): ReadonlyArray<ColumnModel> {
  return table.columns.filter((c) => c.notNull && !fillsItself(c))
}

/** A foreign key's source for a column: the referenced table and column, from the table or a hint. */
export function referenceOf(table: TableModel, column: string, hints: ReadonlyArray<SeedHint>): { table: string; column: string } | undefined {
  const hint = hints.find((h) => h.table === table.key && h.column === column && h.references !== undefined)
  if (hint?.references !== undefined) return hint.references
  const fk = table.constraints.find((c) => c.type === 'foreign-key' && c.columns.length === 1 && c.columns[0] === column)
  const target = fk?.references
  const targetColumn = target?.columns[0]
  return target === undefined || targetColumn === undefined ? undefined : { table: target.table, column: targetColumn }
}

/**
 * A value for row `n` of a column, else `sampleValue`. For a foreign key: when seeding (`rows` > 1),
 * one of the first `rows` rows of the referenced table, spread over them; for a probe, a row nothing
 * references yet through this column (so a one-to-one key takes it too).
 */
export function columnValue(
  table: TableModel,
  column: ColumnModel,
  n: string,
  schema: SchemaModel,
  hints: ReadonlyArray<SeedHint>,
  rows = 1,
  /** The name the probe writes the table by (a view), for the lookup of unreferenced rows. */
  tableName = qualified(table.name),
): string {
  const reference = referenceOf(table, column.name, hints)
  if (reference !== undefined) {
    const target = schema.tables.get(reference.table)
    const from = target === undefined ? reference.table : qualified(target.name)
    const key = ident(reference.column)
    if (rows > 1) return `(SELECT ${key} FROM ${from} ORDER BY 1 LIMIT 1 OFFSET ((${n}) - 1) % ${rows})`
    const unused = `NOT EXISTS (SELECT 1 FROM ${tableName} AS c WHERE c.${ident(column.name)} = p.${key})`
    // Any row when every one is referenced already (only a one-to-one key then fails).
    return `coalesce((SELECT p.${key} FROM ${from} AS p WHERE ${unused} ORDER BY 1 LIMIT 1), (SELECT ${key} FROM ${from} ORDER BY 1 LIMIT 1))`
  }
  const hint = hints.find((h) => h.table === table.key && h.column === column.name)
  return sampleValue(column, n, schema, hint)
}
