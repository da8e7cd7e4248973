import type { Node, ParseResult, RawStmt, ScanResult } from 'libpg-query'
import { inputError } from '../core/errors.js'
import type { SourceRef } from '../core/source-ref.js'
import { nodeType } from './pg-ast.js'
import { loadPgQuery, type PgQuery } from './pg-query-module.js'
import { skipTrivia, sqlText, type SqlText } from './sql-text.js'

/** One statement of a migration file, with its place. */
export interface ParsedStatement {
  /** 0-based position in its file. */
  readonly index: number
  /** The AST (`RawStmt.stmt`). */
  readonly node: Node
  /** The AST node type: `AlterTableStmt`, `IndexStmt`, … */
  readonly type: string
  /** The statement's text, without the closing semicolon. */
  readonly text: string
  /** File, 1-based line and column of its first token, pointer `statement N` (1-based). */
  readonly at: SourceRef
  readonly startByte: number
  readonly endByte: number
}

export interface ParsedFile {
  readonly file: string
  readonly source: SqlText
  readonly statements: ReadonlyArray<ParsedStatement>
}

let pgQuery: PgQuery | undefined
let ready: Promise<void> | undefined

/**
 * Loads the WASM parser once; every later call returns the same promise. It is loaded here, not
 * at the top, so that commands that never parse SQL (`rollsafe api`) do not load it.
 */
export function initParser(): Promise<void> {
  ready ??= loadPgQuery().then((loaded) => {
    pgQuery = loaded
  })
  return ready
}

function loaded(): PgQuery {
  if (pgQuery === undefined) throw new Error('initParser() must finish before SQL is parsed or scanned')
  return pgQuery
}

/** PostgreSQL's own scanner (call `initParser()` once before): the tokens of a text, names as written. */
export function scanSql(text: string): ScanResult {
  return loaded().scanSync(text)
}

/** libpg-query's parse result for a text (call `initParser()` once before); throws on a syntax error. */
export function parseTree(text: string): ParseResult {
  return loaded().parseSync(text)
}

/** A character offset counted in code points (PostgreSQL's cursor position) as a string index. */
function codePointIndex(text: string, codePoints: number): number {
  let index = 0
  for (let n = 0; n < codePoints && index < text.length; n++) {
    const code = text.codePointAt(index) ?? 0
    index += code > 0xffff ? 2 : 1
  }
  return index
}

function syntaxError(file: string, text: string, error: unknown): Error {
  const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails
  const message = error instanceof Error ? error.message : String(error)
  const source = sqlText(text)
  const at = source.place(source.byteOf(codePointIndex(text, details?.cursorPosition ?? 0)))
  return inputError(file, `syntax error: ${message}`, at.line, at.column)
}

/**
 * Parses one file with PostgreSQL's own grammar (call `initParser()` once before). A syntax error
 * is an `InputError` `file:line:col: syntax error: …`.
 *
 * @example
 * await initParser()
 * parseSql('001.sql', 'alter table t drop column c;').statements[0]?.type // 'AlterTableStmt'
 */
export function parseSql(file: string, text: string): ParsedFile {
  const source = sqlText(text)
  if (text.trim() === '') return { file, source, statements: [] }
  let raw: ReadonlyArray<RawStmt>
  try {
    raw = loaded().parseSync(text).stmts ?? []
  } catch (error) {
    throw syntaxError(file, text, error)
  }
  const statements = raw.map((stmt, index): ParsedStatement => {
    const location = stmt.stmt_location ?? 0
    const end = stmt.stmt_len ? location + stmt.stmt_len : source.byteLength
    const startByte = skipTrivia(source, location, end)
    const { line, column } = source.place(startByte)
    const node = stmt.stmt as Node
    return {
      index,
      node,
      type: nodeType(node),
      text: source.slice(startByte, end).trim(),
      at: { file, line, column, pointer: `statement ${index + 1}` },
      startByte,
      endByte: end,
    }
  })
  return { file, source, statements }
}
