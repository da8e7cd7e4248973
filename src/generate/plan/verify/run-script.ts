import { parseSql, type ParsedStatement } from '../../../db/parse-sql.js'
import { sqlErrorInfo, type Row, type SqlSession } from '../../../db/shadow/sql-session.js'

/**
 * Runs a generated phase file the way `psql -v ON_ERROR_STOP=1 -f FILE` does: statement by
 * statement in autocommit (explicit BEGIN/COMMIT blocks as written), `\gexec` running each value
 * its query returns as a statement of its own, and stopping at the first error (an open
 * transaction is rolled back, as when psql exits). Only the meta-commands rollsafe writes are
 * understood: `\set ON_ERROR_STOP on` and `\gexec`.
 *
 * @example
 * await runScript(session, files.get('02-backfill.sql')!, '02-backfill.sql')
 */
export class ScriptError extends Error {
  override readonly name = 'ScriptError'
  constructor(
    readonly file: string,
    readonly line: number,
    readonly statement: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`)
  }
}

type Unit = { readonly kind: 'sql'; readonly text: string; readonly line: number } | { readonly kind: 'gexec'; readonly text: string; readonly line: number }

function statementsOf(file: string, text: string, firstLine: number): ReadonlyArray<ParsedStatement & { line: number }> {
  return parseSql(file, text).statements.map((s) => ({ ...s, line: firstLine + (s.at.line ?? 1) - 1 }))
}

/** The file as statements and `\gexec` queries, each with its line. */
export function scriptUnits(file: string, text: string): ReadonlyArray<Unit> {
  const units: Unit[] = []
  const lines = text.split('\n')
  let buffer: string[] = []
  let bufferStart = 1
  const flush = (gexec: boolean, line: number): void => {
    const chunk = buffer.join('\n')
    const statements = statementsOf(file, chunk, bufferStart)
    const lastIsQuery = gexec && !/;\s*(--[^\n]*\s*)*$/.test(chunk.trimEnd())
    statements.forEach((s, i) => {
      const query = lastIsQuery && i === statements.length - 1
      units.push({ kind: query ? 'gexec' : 'sql', text: s.text, line: s.line })
    })
    if (gexec && !lastIsQuery) throw new ScriptError(file, line, '\\gexec', '\\gexec without a query before it')
    buffer = []
    bufferStart = line + 1
  }
  lines.forEach((raw, i) => {
    const line = i + 1
    const trimmed = raw.trim()
    if (!trimmed.startsWith('\\')) {
      buffer.push(raw)
      return
    }
    if (trimmed === '\\gexec') flush(true, line)
    else if (/^\\set\s+ON_ERROR_STOP\s+(on|1|true)$/i.test(trimmed)) flush(false, line)
    else throw new ScriptError(file, line, trimmed, `psql meta-command rollsafe does not run: ${trimmed}`)
  })
  flush(false, lines.length)
  return units
}

async function execute(session: SqlSession, file: string, line: number, sql: string): Promise<ReadonlyArray<Row>> {
  try {
    return await session.exec(sql)
  } catch (error) {
    await session.exec('ROLLBACK').catch(() => {})
    throw new ScriptError(file, line, sql, sqlErrorInfo(error).message.split('\n')[0] ?? 'error')
  }
}

/** Runs the file; then resets the session (`DISCARD ALL`), as a new psql session would start clean. */
export async function runScript(session: SqlSession, text: string, file: string): Promise<void> {
  try {
    for (const unit of scriptUnits(file, text)) {
      const rows = await execute(session, file, unit.line, unit.text)
      if (unit.kind !== 'gexec') continue
      for (const row of rows) {
        for (const value of Object.values(row)) {
          if (value !== null && value !== undefined) await execute(session, file, unit.line, String(value))
        }
      }
    }
  } finally {
    await session.exec('ROLLBACK').catch(() => {})
    await session.exec('DISCARD ALL').catch(() => {})
  }
}
