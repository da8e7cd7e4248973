import type { TableModel } from '../../db/schema-model.js'
import { dollarQuoted, ident, literal, objectName, qualified } from './sql.js'

/**
 * The dual-write trigger that keeps an old column (version A's) and a new one (version B's) in
 * step, in both directions: a write of the old column is copied to the new one (`up`), a write of
 * the new column is copied back to the old one (`down`). It is a BEFORE ROW trigger that only
 * assigns NEW, so it never fires itself again and needs no recursion guard.
 *
 * @example
 * syncTrigger({ table, oldColumn: 'email', newColumn: 'email_address', up: 'NEW.email', down: 'NEW.email_address' }).create
 */
export interface SyncSpec {
  readonly table: TableModel
  readonly oldColumn: string
  readonly newColumn: string
  /** The new column's value computed from NEW (A's row), as assigned (an assignment cast applies). */
  readonly up: string
  /** The same value for comparisons, where no assignment cast applies (default: `up`). */
  readonly upValue?: string
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

export function syncTrigger(spec: SyncSpec): SyncTrigger {
  const table = qualified(spec.table.name)
  const oldCol = ident(spec.oldColumn)
  const newCol = ident(spec.newColumn)
  // BEFORE triggers fire in name order: `zz_` runs after the application's own triggers have set NEW.
  const triggerName = objectName('zz_rollsafe_sync', spec.oldColumn)
  const functionName = `${ident(spec.table.name.schema)}.${ident(objectName('rollsafe_sync', spec.table.name.name, spec.oldColumn))}`
  const copyBack =
    spec.down === undefined
      ? `RAISE EXCEPTION 'rollsafe plan: write ${spec.oldColumn.replaceAll("'", "''")}, not ${spec.newColumn.replaceAll("'", "''")}, until the contract phase';`
      : `NEW.${oldCol} := ${spec.down};`
  // A row whose new column already equals up(old) is in step: the backfill writes such rows, and
  // copying them back could change the old column when `down` is lossy.
  const upValue = spec.upValue ?? spec.up
  const body = `
-- rollsafe plan: keeps ${table}.${oldCol} (version A) and ${newCol} (version B) in step.
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.${newCol} IS NULL OR NEW.${newCol} IS NOT DISTINCT FROM ${upValue} THEN
      NEW.${newCol} := ${spec.up};  -- A inserted: copy old to new
    ELSE
      ${copyBack}  -- B inserted: copy new to old
    END IF;
  ELSIF NEW.${newCol} IS DISTINCT FROM OLD.${newCol} AND NEW.${newCol} IS DISTINCT FROM ${upValue} THEN
    ${copyBack}  -- B updated the new column: copy it back
  ELSE
    NEW.${newCol} := ${spec.up};  -- A updated the row (or the backfill ran): new follows old
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
