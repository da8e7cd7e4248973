import { inputError, type InputError } from '../../core/errors.js'
import type { SourceRef } from '../../core/source-ref.js'
import type { MigrationFile } from '../migration-file.js'
import { parseSql, type ParsedFile, type ParsedStatement } from '../parse-sql.js'
import { substituteTemplates, type TemplateVars } from '../templates.js'
import { transactionControl } from '../transaction-tracker.js'
import { sqlErrorInfo, type SqlSession } from './sql-session.js'

/**
 * Words of statements that may make a file unfit to run as one multi-statement query. Only
 * files containing one of them are parsed before they run (a plpgsql `BEGIN … END` is a false hit
 * that costs a parse, nothing more).
 */
const suspicious = /\b(begin|commit|end|rollback|abort|savepoint|prepare|concurrently|vacuum|database|system|tablespace)\b/i

/** Statements PostgreSQL refuses inside a transaction block (and so inside a multi-statement query). */
const outsideTransactionTypes = new Set([
  'VacuumStmt',
  'CreatedbStmt',
  'DropdbStmt',
  'AlterSystemStmt',
  'CreateTableSpaceStmt',
  'DropTableSpaceStmt',
])

/** PostgreSQL refuses the statement inside a transaction block (`CREATE INDEX CONCURRENTLY`, `VACUUM`, …). */
export function refusesTransactionBlock(statement: ParsedStatement): boolean {
  return outsideTransactionTypes.has(statement.type) || /\bconcurrently\b/i.test(statement.text)
}

/**
 * A file can go as one query unless it controls transactions itself (a COMMIT half-way would leave
 * part of a failed file applied) or holds a statement refused inside a transaction block.
 */
function runsAsOneQuery(parsed: ParsedFile): boolean {
  if (parsed.statements.length <= 1) return true
  return parsed.statements.every((s) => transactionControl(s.node) === undefined && !refusesTransactionBlock(s))
}

/**
 * The shadow database rejected a statement: `file:line:col: the shadow database (pglite) rejected
 * it: …`, at PostgreSQL's error position (a character offset in the statement) when it gives one,
 * else at the statement.
 */
export function shadowError(at: SourceRef, text: string, error: unknown, engine: SqlSession['engine']): InputError {
  const info = sqlErrorInfo(error)
  let { line, column } = at
  if (info.position !== undefined && info.position > 0 && line !== undefined && column !== undefined) {
    const lines = [...text].slice(0, info.position - 1).join('').split('\n')
    const last = [...(lines[lines.length - 1] ?? '')].length
    column = lines.length === 1 ? column + last : last + 1
    line += lines.length - 1
  }
  return inputError(at.file, `the shadow database (${engine}) rejected it: ${info.message.split('\n')[0]}`, line, column)
}

/** Receives a statement the shadow database rejected, when rollsafe goes on without it. */
export type ShadowWarning = (message: string) => void

/** SQLSTATE 25P02: the statements after a failure inside a transaction, which only echo it. */
const inFailedTransaction = '25P02'

/**
 * Runs a parsed file one statement at a time, each committing on its own unless the file opens a
 * transaction. A rejected statement is an `InputError`, or with `warn` a warning and skipped.
 */
async function applyStatements(session: SqlSession, parsed: ParsedFile, warn?: ShadowWarning): Promise<void> {
  for (const statement of parsed.statements) {
    try {
      await session.exec(statement.text)
    } catch (error) {
      const rejected = shadowError(statement.at, statement.text, error, session.engine)
      if (warn === undefined) throw rejected
      if (sqlErrorInfo(error).code !== inFailedTransaction) warn(rejected.message)
    }
  }
}

/**
 * Applies migrations that already ran (`--schema`, `--history`) to a shadow database, for state
 * only. Each file goes in one round trip when it can (a multi-statement query is one implicit
 * transaction, so a failure leaves nothing behind); a file that fails that way, or that controls
 * transactions itself, runs statement by statement, and a failure there is an `InputError` at the
 * statement, or, given `warn`, a warning (the statement is skipped: the migrations may rely on
 * objects the shadow database lacks, such as a migration tool's own table or a role). Template
 * placeholders are filled as for static analysis.
 *
 * @example
 * await applyMigrations(session, await readMigrations(['prisma/migrations']))
 */
export async function applyMigrations(
  session: SqlSession,
  files: ReadonlyArray<MigrationFile>,
  vars: TemplateVars = {},
  warn?: ShadowWarning,
): Promise<void> {
  for (const file of files) {
    const text = substituteTemplates(file.path, file.text, vars)
    const parsed = suspicious.test(text) ? parseSql(file.path, text) : undefined
    if (parsed === undefined || runsAsOneQuery(parsed)) {
      try {
        await session.exec(text)
        continue
      } catch {
        // Run again statement by statement: to place the error, and because some files only work
        // that way (an enum value added and used in the same file cannot share a transaction).
      }
    }
    await applyStatements(session, parsed ?? parseSql(file.path, text), warn)
  }
}
