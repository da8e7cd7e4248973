import type { TableModel } from '../../db/schema-model.js'
import { comment } from './phase-sql.js'
import type { PlanOptions } from './plan.js'
import { dollarQuoted, ident, literal, objectName, qualified } from './sql.js'

/**
 * A batched backfill for psql: one UPDATE per batch of `batchSize` rows in primary-key order,
 * each its own statement and transaction, so `statement_timeout` bounds one batch (a procedure
 * looping with COMMIT cannot do that: the timeout would cover the whole CALL) and row locks are
 * held for one batch only. psql's `\gexec` runs the statements a query returns, with a pause
 * between batches. Every batch skips rows already filled, so the file is idempotent: after an
 * interruption, run it again.
 *
 * @example
 * backfillSql({ table, key: ['id'], set: 'email_address = email', pending: 'email_address IS DISTINCT FROM email', name: 'users_email' }, options)
 */
export interface BackfillSpec {
  readonly table: TableModel
  /** Columns to batch by (the primary key). */
  readonly key: ReadonlyArray<string>
  /** The assignments: `email_address = email`. */
  readonly set: string
  /** Rows that still need the update: `email_address IS DISTINCT FROM email`. */
  readonly pending: string
  /** Names the batch table: `users_email`. */
  readonly name: string
}

function keyTuple(columns: ReadonlyArray<string>): string {
  return columns.length === 1 ? (columns[0] ?? '') : `(${columns.join(', ')})`
}

export function backfillSql(spec: BackfillSpec, options: PlanOptions): string {
  const table = qualified(spec.table.name)
  const keys = spec.key.map(ident)
  const batches = ident(objectName('rollsafe_batches', spec.name))
  const order = keys.join(', ')
  const lo = keys.map((k, i) => `${k} AS lo${i}`).join(', ')
  const hi = keys.map((k, i) => `lead(${k}) OVER (ORDER BY ${order}) AS hi${i}`).join(', ')
  const placeholders = (n: number): string => keyTuple(Array.from({ length: n }, () => '%L'))
  const loArgs = keys.map((_, i) => `lo${i}`).join(', ')
  const hiArgs = keys.map((_, i) => `hi${i}`).join(', ')
  // format() reads % as a placeholder: the user's expressions must not be taken for one.
  const esc = (text: string): string => text.replaceAll('%', '%%')
  const update = `UPDATE ${esc(table)} SET ${esc(spec.set)} WHERE ${esc(keyTuple(keys))} >= ${placeholders(keys.length)}%s AND (${esc(spec.pending)})`
  const upper = `CASE WHEN hi0 IS NULL THEN '' ELSE format(${literal(` AND ${esc(keyTuple(keys))} < ${placeholders(keys.length)}`)}, ${hiArgs}) END`
  // A DO block pauses without printing a result set per batch.
  const pause = options.pause > 0 ? `,\n       ${literal(`DO $$BEGIN PERFORM pg_sleep(${options.pause}); END$$`)} AS pause` : ''
  return [
    comment(`Batch boundaries: every ${options.batchSize}th key of ${table}, read once. This is the only statement that\nreads the whole table, so it runs without statement_timeout; it takes no lock that blocks writes.`),
    'SET statement_timeout = 0;',
    `DROP TABLE IF EXISTS pg_temp.${batches};`,
    `CREATE TEMP TABLE ${batches} AS`,
    `SELECT ${lo}, ${hi}`,
    `FROM (SELECT ${order}, row_number() OVER (ORDER BY ${order}) AS n FROM ${table}) AS keys`,
    `WHERE n % ${options.batchSize} = 1;`,
    `SET statement_timeout = ${literal(options.statementTimeout)};`,
    '',
    comment(`One UPDATE per batch, each committed on its own${options.pause > 0 ? `, then a pause of ${options.pause}s` : ''}. psql runs the statements this\nquery returns (\\gexec). Rows written since the boundaries were read are kept in step by the trigger\nor picked up by the last, open-ended batch.`),
    `SELECT format(${dollarQuoted(update)},`,
    `              ${loArgs}, ${upper}) AS batch${pause}`,
    `FROM ${batches} ORDER BY ${loArgs}`,
    '\\gexec',
  ].join('\n')
}

/** Gate SQL: how many rows still need the backfill; ok when none. */
export function pendingRowsSql(table: TableModel, pending: string): string {
  return `SELECT count(*) AS pending_rows, count(*) = 0 AS ok FROM ${qualified(table.name)} WHERE ${pending};`
}
