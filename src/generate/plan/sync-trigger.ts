import type { TableModel } from '../../db/schema-model.js'
import { dollarQuoted, ident, literal, objectName, qualified } from './sql.js'

/**
 * The dual-write trigger that keeps an old column (version A's) and its replacement (version B's:
 * one column, or several when a column is split) in step, in both directions: a write of the old
 * column is copied to the new ones (`up`), a write of the new ones is copied back to the old one
 * (`down`). It is a BEFORE ROW trigger that only assigns NEW, so it never fires itself again and
 * needs no recursion guard.
 *
 * @example
 * syncTrigger({ table, oldColumn: 'email', targets: [{ column: 'email_address', up: 'NEW.email' }], down: 'NEW.email_address' }).create
 */
export interface SyncTarget {
  readonly column: string
  /** Its value computed from NEW (A's row), as assigned (an assignment cast applies). */
  readonly up: string
  /** The same value for comparisons, where no assignment cast applies (default: `up`). */
  readonly upValue?: string
}

export interface SyncSpec {
  readonly table: TableModel
  readonly oldColumn: string
  readonly targets: ReadonlyArray<SyncTarget>
  /**
   * The old column's value computed from NEW (B's row); undefined when the old value cannot be
   * derived (a USING expression with no inverse): then writes of the new column alone fail.
   */
  readonly down?: string
}

export interface SyncTrigger {
  /** `CREATE OR REPLACE FUNCTION …; DROP TRIGGER IF EXISTS …; CREATE TRIGGER …;` */
  readonly create: string
  /** Drops the trigger and its function. */
  readonly drop: string
  readonly triggerName: string
  readonly functionName: string
}

/** `a` or `ROW(a, b)`: one value or a row of them, for IS [NOT] DISTINCT FROM and IS NULL. */
export function tupleOf(values: ReadonlyArray<string>): string {
  return values.length === 1 ? (values[0] ?? '') : `ROW(${values.join(', ')})`
}

export function syncTrigger(spec: SyncSpec): SyncTrigger {
  const table = qualified(spec.table.name)
  const oldCol = ident(spec.oldColumn)
  const names = spec.targets.map((t) => t.column)
  const fresh = tupleOf(spec.targets.map((t) => `NEW.${ident(t.column)}`))
  const previous = tupleOf(spec.targets.map((t) => `OLD.${ident(t.column)}`))
  const upValue = tupleOf(spec.targets.map((t) => t.upValue ?? t.up))
  const follow = (indent: string, why: string): string =>
    spec.targets.map((t, i) => `${indent}NEW.${ident(t.column)} := ${t.up};${i === 0 ? `  -- ${why}` : ''}`).join('\n')
  // BEFORE triggers fire in name order: `zz_` runs after the application's own triggers have set NEW.
  const triggerName = objectName('zz_rollsafe_sync', spec.oldColumn)
  const functionName = `${ident(spec.table.name.schema)}.${ident(objectName('rollsafe_sync', spec.table.name.name, spec.oldColumn))}`
  const copyBack =
    spec.down === undefined
      ? `RAISE EXCEPTION 'rollsafe plan: write ${spec.oldColumn.replaceAll("'", "''")}, not ${names.join(', ').replaceAll("'", "''")}, until the contract phase';`
      : `NEW.${oldCol} := ${spec.down};`
  // A row whose new column already equals up(old) is in step: the backfill writes such rows, and
  // copying them back could change the old column when `down` is lossy.
  const body = `
-- rollsafe plan: keeps ${table}.${oldCol} (version A) and ${names.map(ident).join(', ')} (version B) in step.
-- It only assigns NEW, so it never fires itself again; a pg_trigger_depth() guard would only skip
-- the writes other triggers make, leaving those rows out of step.
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF ${fresh} IS NULL OR ${fresh} IS NOT DISTINCT FROM ${upValue} THEN
${follow('      ', 'A inserted: copy old to new')}
    ELSE
      ${copyBack}  -- B inserted: copy new to old
    END IF;
  ELSIF ${fresh} IS DISTINCT FROM ${previous} AND ${fresh} IS DISTINCT FROM ${upValue} THEN
    ${copyBack}  -- B updated the new column: copy it back
  ELSE
${follow('    ', 'A updated the row (or the backfill ran): new follows old')}
  END IF;
  RETURN NEW;
END
`
  const create = [
    `CREATE OR REPLACE FUNCTION ${functionName}() RETURNS trigger LANGUAGE plpgsql AS ${dollarQuoted(body)};`,
    `DROP TRIGGER IF EXISTS ${ident(triggerName)} ON ${table};`,
    `CREATE TRIGGER ${ident(triggerName)} BEFORE INSERT OR UPDATE ON ${table}`,
    `  FOR EACH ROW EXECUTE FUNCTION ${functionName}();`,
  ].join('\n')
  const drop = [`DROP TRIGGER IF EXISTS ${ident(triggerName)} ON ${table};`, `DROP FUNCTION IF EXISTS ${functionName}();`].join('\n')
  return { create, drop, triggerName, functionName }
}

/** Gate SQL: the trigger exists and is enabled. */
export function triggerPresentSql(table: TableModel, triggerName: string): string {
  return `SELECT count(*) = 1 AS ok FROM pg_trigger WHERE tgrelid = ${literal(qualified(table.name))}::regclass AND tgname = ${literal(triggerName)} AND tgenabled <> 'D';`
}
