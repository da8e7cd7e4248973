import type { TableModel } from '../../../db/schema-model.js'
import type { IndexCopies } from '../index-copies.js'
import { addConstraintOnce, blocks, unbounded } from '../phase-sql.js'
import type { PlanOptions, PlanPhase } from '../plan.js'
import { ident, literal, objectName, qualified } from '../sql.js'

/**
 * Pieces shared by the plans that replace a column with a new one (rename, type change): the
 * helper CHECK that proves the new column NOT NULL, and carrying the old column's default and
 * sequence over at contract time.
 *
 * @example
 * notNullHelper(users, 'email_address').name // 'users_email_address_not_null'
 */
export function notNullHelper(table: TableModel, column: string): { readonly name: string } {
  return { name: objectName(table.name.name, column, 'not_null') }
}

/**
 * PL/pgSQL lines (for a DO block declaring `carried text`) that give `newColumn` the default
 * `oldColumn` has at that moment, read from the catalog so that it is exact, optionally cast to
 * the new type; and hand a sequence `oldColumn` owns (serial) over, so dropping `oldColumn` does
 * not drop it.
 */
export function carriedDefault(target: string, oldColumn: string, newColumn: string, castTo?: string): ReadonlyArray<string> {
  const defaultSql = castTo === undefined ? '%s' : `(%s)::${castTo.replaceAll('%', '%%')}`
  return [
    'SELECT pg_get_expr(d.adbin, d.adrelid) INTO carried FROM pg_attrdef d',
    '  JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum',
    `  WHERE d.adrelid = ${literal(target)}::regclass AND a.attname = ${literal(oldColumn)};`,
    'IF carried IS NOT NULL THEN',
    `  EXECUTE format(${literal(`ALTER TABLE ${target.replaceAll('%', '%%')} ALTER COLUMN %I SET DEFAULT ${defaultSql}`)}, ${literal(newColumn)}, carried);`,
    'END IF;',
    `carried := pg_get_serial_sequence(${literal(target)}, ${literal(oldColumn)});`,
    'IF carried IS NOT NULL THEN',
    `  EXECUTE format(${literal(`ALTER SEQUENCE %s OWNED BY ${target.replaceAll('%', '%%')}.%I`)}, carried, ${literal(newColumn)});`,
    'END IF;',
  ]
}

/** The condition "constraint `name` of the table is validated". */
export function constraintValid(table: TableModel, name: string): string {
  return `coalesce((SELECT convalidated FROM pg_constraint WHERE conrelid = ${literal(qualified(table.name))}::regclass AND conname = ${literal(name)}), false)`
}

/** Gate SQL from conditions: one row, `ok` when all hold. */
export function gateSql(conditions: ReadonlyArray<string | undefined>): string | undefined {
  const present = conditions.filter((c): c is string => c !== undefined)
  return present.length === 0 ? undefined : `SELECT ${present.join('\n   AND ')} AS ok;`
}

/**
 * The validate phase when a column is swapped for a copy `column` (rename, type change): the
 * copied indexes built CONCURRENTLY and, when the old column is NOT NULL, a helper CHECK added NOT
 * VALID and validated; its rollback drops both, and its gate waits for them to be valid.
 *
 * @example swapValidatePhase('public.users', users, 'email_address', indexes, notNullHelper(users, 'email_address'), options)
 */
export function swapValidatePhase(
  target: string,
  table: TableModel,
  column: string,
  indexes: IndexCopies,
  notNull: { readonly name: string } | undefined,
  options: PlanOptions,
): PlanPhase {
  return {
    kind: 'validate',
    from: 'A',
    until: 'B',
    does: `Builds \`${column}\`'s indexes CONCURRENTLY${notNull ? ' and proves it NOT NULL with a CHECK added NOT VALID, then validated' : ''}.`,
    sql: blocks(
      notNull && addConstraintOnce(target, notNull.name, `${ident(notNull.name)} CHECK (${ident(column)} IS NOT NULL) NOT VALID`),
      notNull && unbounded(`ALTER TABLE ${target} VALIDATE CONSTRAINT ${ident(notNull.name)};`, options),
      indexes.build,
    ),
    rollback: blocks(indexes.drop, notNull && `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(notNull.name)};`),
    undoes: 'Drops the copies of the indexes and the helper CHECK.',
    gate: {
      check: `The copies of the indexes are valid${notNull ? ` and \`${notNull.name}\` is validated` : ''}.`,
      sql: gateSql([notNull && constraintValid(table, notNull.name), indexes.validCondition]),
    },
  }
}
