import type { PlanOptions } from './plan.js'
import { dollarQuoted, literal } from './sql.js'

/**
 * Building blocks of phase files. Files run with psql in autocommit mode: what must be atomic
 * sits in an explicit transaction; what PostgreSQL refuses inside one (CREATE INDEX
 * CONCURRENTLY) and long scans that must not hold an ACCESS EXCLUSIVE lock stand alone. Every
 * block is idempotent, so a file that stopped half-way (a lock timeout) can simply run again.
 *
 * @example
 * transaction(['ALTER TABLE t ADD COLUMN IF NOT EXISTS c int;'])
 * // 'BEGIN;\nALTER TABLE t ADD COLUMN IF NOT EXISTS c int;\nCOMMIT;'
 */
export function transaction(statements: ReadonlyArray<string>): string {
  return ['BEGIN;', ...statements, 'COMMIT;'].join('\n')
}

/** A statement that may run long (index build, validation) but takes no lock that blocks writes. */
export function unbounded(statement: string, options: PlanOptions): string {
  return ['SET statement_timeout = 0;', statement, `SET statement_timeout = ${literal(options.statementTimeout)};`].join('\n')
}

/** A DO block: `body` is PL/pgSQL statements. */
export function doBlock(body: ReadonlyArray<string>, declare: ReadonlyArray<string> = []): string {
  const parts = [...(declare.length ? ['DECLARE', ...declare.map((d) => `  ${d}`)] : []), 'BEGIN', ...body.map((b) => `  ${b}`), 'END']
  return `DO ${dollarQuoted(`\n${parts.join('\n')}\n`)};`
}

/** The condition "the table has a constraint named `name`" (for idempotent ADD CONSTRAINT). */
export function hasConstraint(table: string, name: string): string {
  return `EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = ${literal(table)}::regclass AND conname = ${literal(name)})`
}

/** The condition "the table has a live column named `column`". */
export function hasColumn(table: string, column: string): string {
  return `EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = ${literal(table)}::regclass AND attname = ${literal(column)} AND NOT attisdropped)`
}

/** `ALTER TABLE … ADD CONSTRAINT name …` unless the constraint exists. */
export function addConstraintOnce(table: string, name: string, definition: string): string {
  return doBlock([`IF NOT ${hasConstraint(table, name)} THEN`, `  ALTER TABLE ${table} ADD CONSTRAINT ${definition};`, 'END IF;'])
}

/** A statement per line, blocks separated by a blank line. */
export function blocks(...parts: ReadonlyArray<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n')
}

/** A comment line per line of text. */
export function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => `-- ${line}`.trimEnd())
    .join('\n')
}

/** A query for the operator: statements pg_stat_statements saw that name `word` (needs the extension). */
export function queriesNaming(word: string): string {
  return `SELECT calls, query FROM pg_stat_statements WHERE query ~* ${literal(`\\m${word}\\M`)} ORDER BY calls DESC LIMIT 20;`
}
