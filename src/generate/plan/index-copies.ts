import type { SchemaModel, TableModel } from '../../db/schema-model.js'
import { unbounded } from './phase-sql.js'
import type { PlanOptions } from './plan.js'
import { ident, literal, objectName, qualified } from './sql.js'
import { indexesOn, isCopyable } from './table-facts.js'

/**
 * Copies of the indexes on an old column, built on its replacement before the contract phase:
 * built CONCURRENTLY (no write lock) once the backfill filled the new column, and given the
 * original names (and UNIQUE constraints) back in the contract phase, after the old column and
 * its indexes are gone.
 *
 * @example
 * const copies = copyIndexes(schemaA, schemaB, users, 'email', 'email_address', options)
 * copies.build // 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key_rollsafe ON …'
 */
export interface IndexCopies {
  /** Statements for the validate phase (each outside a transaction). */
  readonly build: string
  /** Their rollback. */
  readonly drop: string
  /** PL/pgSQL statements for the contract transaction: original names and constraints back. */
  readonly attach: ReadonlyArray<string>
  /** A condition: every copy is built and valid (undefined when there are none). */
  readonly validCondition?: string
  /** Indexes rollsafe could not copy. */
  readonly notes: ReadonlyArray<string>
}

/** `after`: the schema after the migration; an index the migration drops is not copied. */
export function copyIndexes(schema: SchemaModel, after: SchemaModel, table: TableModel, oldColumn: string, newColumn: string, options: PlanOptions): IndexCopies {
  const build: string[] = []
  const drop: string[] = []
  const attach: string[] = []
  const names: string[] = []
  const notes: string[] = []
  const target = qualified(table.name)
  for (const index of indexesOn(schema, table, oldColumn).filter((i) => after.indexes.has(i.key))) {
    const constraint = table.constraints.find((c) => c.name === index.constraint || c.index === index.name.name)
    if (constraint?.type === 'primary-key') continue // refused by the plans that copy indexes
    if (!isCopyable(index) || (constraint !== undefined && constraint.type !== 'unique')) {
      notes.push(
        `Index \`${index.name.name}\` on \`${oldColumn}\` is not copied (partial, on an expression, or backing a ${constraint?.type ?? 'constraint'}): ` +
          `it is dropped with \`${oldColumn}\` in the contract phase; build its equivalent on \`${newColumn}\` before that phase.`,
      )
      continue
    }
    const copyName = objectName(index.name.name, 'rollsafe')
    const copy = `${ident(index.name.schema)}.${ident(copyName)}`
    const columns = index.columns.map((c) => ident(c === oldColumn ? newColumn : c)).join(', ')
    const unique = index.unique ? 'UNIQUE ' : ''
    build.push(unbounded(`CREATE ${unique}INDEX CONCURRENTLY IF NOT EXISTS ${ident(copyName)} ON ${target} USING ${index.method} (${columns});`, options))
    drop.push(`DROP INDEX CONCURRENTLY IF EXISTS ${copy};`)
    names.push(copy)
    const attachOne =
      constraint === undefined
        ? `ALTER INDEX ${copy} RENAME TO ${ident(index.name.name)};`
        : `ALTER TABLE ${target} ADD CONSTRAINT ${ident(constraint.name)} UNIQUE USING INDEX ${ident(copyName)};`
    attach.push(`IF to_regclass(${literal(copy)}) IS NOT NULL THEN`, `  ${attachOne}`, 'END IF;')
  }
  if (build.length > 0) {
    notes.push(
      `Copies of the indexes on \`${oldColumn}\` keep their columns and uniqueness; sort order, operator classes, collations, ` +
        `INCLUDE columns and storage parameters are not in rollsafe's model: compare \`\\d ${table.name.name}\` before the contract phase.`,
    )
  }
  const list = names.map(literal).join(', ')
  return {
    build: build.join('\n\n'),
    drop: drop.join('\n'),
    attach,
    ...(names.length === 0
      ? {}
      : {
          validCondition: `(SELECT bool_and(coalesce((SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(name)), false)) FROM unnest(ARRAY[${list}]) AS name)`,
        }),
    notes,
  }
}
