import type { SchemaModel, TableModel } from '../../db/schema-model.js'
import type { Probe, SeedHint } from './plan.js'
import { columnValue, requiredColumns } from './sample-values.js'
import { ident, qualified } from './sql.js'

/**
 * Probe statements: what a version of the application sends, written from the table as that
 * version knows it. Writes return the key of the rows they touched (`RETURNING`), so the verifier
 * can check those rows afterwards.
 *
 * @example
 * insertProbe(usersOfA, { email: "'a@example.com'" })
 * // "INSERT INTO public.users (email) VALUES ('a@example.com') RETURNING id"
 */
/** Stands for a number the verifier makes fresh for every probe it runs, so unique values never clash. */
export const probeNumber = '{n}'

export interface ProbeTable {
  readonly table: TableModel
  readonly schema: SchemaModel
  readonly key: ReadonlyArray<string>
  readonly hints: ReadonlyArray<SeedHint>
  /** The name the version uses for the table (a view under the old name, a renamed table). */
  readonly name?: string
}

function nameOf(target: ProbeTable): string {
  return target.name ?? qualified(target.table.name)
}

function returning(target: ProbeTable): string {
  return ` RETURNING ${target.key.map(ident).join(', ')}`
}

/** The columns of `values`, plus every column the insert must name, with fresh values. */
export function insertProbe(target: ProbeTable, values: Readonly<Record<string, string>>, searchPath?: string): Probe {
  const names = new Set([...requiredColumns(target.table).map((c) => c.name), ...Object.keys(values)])
  const columns = target.table.columns.filter((c) => names.has(c.name))
  const extra = Object.keys(values).filter((name) => !columns.some((c) => c.name === name))
  const list = [...columns.map((c) => c.name), ...extra]
  const sqlValues = list.map((name) => {
    const given = values[name]
    if (given !== undefined) return given
    const column = target.table.columns.find((c) => c.name === name)
    return column === undefined ? 'NULL' : columnValue(target.table, column, probeNumber, target.schema, target.hints, 1, nameOf(target))
  })
  const row = list.length === 0 ? 'DEFAULT VALUES' : `(${list.map(ident).join(', ')}) VALUES (${sqlValues.join(', ')})`
  const sql = `INSERT INTO ${nameOf(target)} ${row}${returning(target)}`
  const insert = { table: target.table.key, ...(target.name === undefined ? {} : { name: target.name }), values, key: target.key, hints: target.hints }
  return searchPath === undefined ? { sql, insert } : { sql, searchPath, insert }
}

/**
 * The insert written again for the table as a database really has it (the columns it must name may
 * differ from the static model's, e.g. one a DO block added), leaving out the columns in `without`
 * (those the version does not know); other probes as they are.
 */
export function probeFor(schema: SchemaModel, probe: Probe, without: ReadonlySet<string> = new Set()): Probe {
  const spec = probe.insert
  const live = spec && schema.tables.get(spec.table)
  if (spec === undefined || live === undefined) return probe
  const table = { ...live, columns: live.columns.filter((c) => !without.has(c.name)) }
  const target: ProbeTable = { table, schema, key: spec.key, hints: spec.hints, ...(spec.name === undefined ? {} : { name: spec.name }) }
  return insertProbe(target, spec.values, probe.searchPath)
}

/** Sets `values` on the row at `offset` in key order. */
export function updateProbe(target: ProbeTable, values: Readonly<Record<string, string>>, offset: number, searchPath?: string): Probe {
  const key = target.key.map(ident)
  const tuple = key.length === 1 ? (key[0] ?? '') : `(${key.join(', ')})`
  const set = Object.entries(values)
    .map(([name, value]) => `${ident(name)} = ${value}`)
    .join(', ')
  const row = `(SELECT ${key.join(', ')} FROM ${nameOf(target)} ORDER BY ${key.join(', ')} OFFSET ${offset} LIMIT 1)`
  const sql = `UPDATE ${nameOf(target)} SET ${set} WHERE ${tuple} = ${row}${returning(target)}`
  return searchPath === undefined ? { sql } : { sql, searchPath }
}

/** Reads `columns` of a few rows. */
export function selectProbe(target: ProbeTable, columns: ReadonlyArray<string>, searchPath?: string): Probe {
  const key = target.key.map(ident).join(', ')
  const sql = `SELECT ${[...new Set([...target.key, ...columns])].map(ident).join(', ')} FROM ${nameOf(target)} ORDER BY ${key} LIMIT 5`
  return searchPath === undefined ? { sql } : { sql, searchPath }
}

/** A fresh value for `column`, as the version's table types it. */
export function valueFor(target: ProbeTable, column: string): string {
  const model = target.table.columns.find((c) => c.name === column)
  return model === undefined ? 'NULL' : columnValue(target.table, model, probeNumber, target.schema, target.hints, 1, nameOf(target))
}
