import { scanSql } from '../../db/parse-sql.js'

/**
 * Pieces of a migration statement's source text, found with PostgreSQL's own scanner: the
 * subcommands of an ALTER TABLE, a `USING` or `DEFAULT` expression, a CHECK condition, the
 * assignments of an UPDATE. Plans copy these texts as written (libpg-query cannot deparse), so a
 * user's expression reaches the generated SQL unchanged. Call `initParser()` once before.
 *
 * @example
 * alterTableParts('alter table t alter c type int using c::int, drop column d').commands
 * // ['alter c type int using c::int', 'drop column d']
 */
interface Token {
  readonly start: number
  readonly end: number
  /** Lower-case keyword, or undefined for identifiers, constants and punctuation. */
  readonly keyword?: string
  readonly text: string
}

interface Scanned {
  readonly bytes: Buffer
  readonly tokens: ReadonlyArray<Token>
}

function scan(text: string): Scanned {
  const bytes = Buffer.from(text, 'utf8')
  const tokens = scanSql(text)
    .tokens.filter((t) => t.tokenName !== 'SQL_COMMENT' && t.tokenName !== 'C_COMMENT')
    .map((t): Token => ({
      start: t.start,
      end: t.end,
      text: t.text,
      ...(t.keywordKind !== 0 ? { keyword: t.text.toLowerCase() } : {}),
    }))
  return { bytes, tokens }
}

function slice(scanned: Scanned, from: number, to: number): string {
  const first = scanned.tokens[from]
  const last = scanned.tokens[to - 1]
  if (first === undefined || last === undefined || to <= from) return ''
  return scanned.bytes.subarray(first.start, last.end).toString('utf8')
}

/** Token ranges `[from, to)` split at commas outside parentheses and brackets. */
function splitTopLevel(tokens: ReadonlyArray<Token>, from: number, to: number, stopAt: ReadonlySet<string> = new Set()): Array<[number, number]> {
  const parts: Array<[number, number]> = []
  let depth = 0
  let start = from
  for (let i = from; i < to; i++) {
    const t = tokens[i]?.text
    if (t === '(' || t === '[') depth++
    else if (t === ')' || t === ']') depth--
    else if (depth === 0 && (t === ',' || t === ';')) {
      parts.push([start, i])
      start = i + 1
    } else if (depth === 0 && stopAt.has(tokens[i]?.keyword ?? '')) {
      parts.push([start, i])
      return parts
    }
  }
  parts.push([start, to])
  return parts.filter(([a, b]) => b > a)
}

function indexOfKeyword(tokens: ReadonlyArray<Token>, keyword: string, from = 0, to = tokens.length): number {
  let depth = 0
  for (let i = from; i < to; i++) {
    const t = tokens[i]
    if (t?.text === '(' || t?.text === '[') depth++
    else if (t?.text === ')' || t?.text === ']') depth--
    else if (depth === 0 && t?.keyword === keyword) return i
  }
  return -1
}

/** Index of the token after a dotted name (`a`, `a.b`, `"A"."b"`) starting at `i`. */
function skipName(tokens: ReadonlyArray<Token>, i: number): number {
  let j = i + 1
  while (tokens[j]?.text === '.' && tokens[j + 1] !== undefined) j += 2
  return j
}

export interface AlterTableParts {
  /** The subcommands as written, in order (one per `AlterTableCmd`). */
  readonly commands: ReadonlyArray<string>
}

/** The subcommands of `ALTER TABLE [IF EXISTS] [ONLY] name cmd, cmd …`. */
export function alterTableParts(statement: string): AlterTableParts {
  const scanned = scan(statement)
  const { tokens } = scanned
  let i = 2 // ALTER TABLE
  if (tokens[i]?.keyword === 'if' && tokens[i + 1]?.keyword === 'exists') i += 2
  if (tokens[i]?.keyword === 'only') i++
  i = skipName(tokens, i)
  if (tokens[i]?.text === '*') i++
  return { commands: splitTopLevel(tokens, i, tokens.length).map(([a, b]) => slice(scanned, a, b)) }
}

/** The expression after a top-level keyword to the end of a subcommand: `USING expr`, `SET DEFAULT expr`. */
export function clauseAfter(command: string, keyword: string): string | undefined {
  const scanned = scan(command)
  const at = indexOfKeyword(scanned.tokens, keyword)
  return at < 0 ? undefined : slice(scanned, at + 1, scanned.tokens.length) || undefined
}

/** The text inside the parentheses after a top-level keyword: `CHECK (a > 0)` → `a > 0`. */
export function parenthesizedAfter(command: string, keyword: string): string | undefined {
  const scanned = scan(command)
  const { tokens } = scanned
  const at = indexOfKeyword(tokens, keyword)
  if (at < 0 || tokens[at + 1]?.text !== '(') return undefined
  let depth = 0
  for (let i = at + 1; i < tokens.length; i++) {
    const t = tokens[i]?.text
    if (t === '(') depth++
    else if (t === ')' && --depth === 0) return slice(scanned, at + 2, i)
  }
  return undefined
}

export interface UpdateParts {
  /** Column → expression text, for `SET col = expr` assignments (not `(a, b) = …`). */
  readonly assignments: ReadonlyMap<string, string>
  /** The WHERE condition as written. */
  readonly where?: string
  /** Has FROM, RETURNING, a WITH prefix, a multi-column assignment or `WHERE CURRENT OF`: not a plain batchable update. */
  readonly complex: boolean
}

const afterSet = new Set(['from', 'where', 'returning'])

/** The assignments and condition of an `UPDATE t SET … WHERE …`. */
export function updateParts(statement: string): UpdateParts {
  const scanned = scan(statement)
  const { tokens } = scanned
  const set = indexOfKeyword(tokens, 'set')
  let complex = tokens[0]?.keyword !== 'update' || set < 0
  const assignments = new Map<string, string>()
  const parts = set < 0 ? [] : splitTopLevel(tokens, set + 1, tokens.length, afterSet)
  for (const [a, b] of parts) {
    const name = tokens[a]
    if (name === undefined || tokens[a + 1]?.text !== '=' || name.text === '(') {
      complex = true
      continue
    }
    const column = name.text.startsWith('"') ? name.text.slice(1, -1).replaceAll('""', '"') : name.text.toLowerCase()
    assignments.set(column, slice(scanned, a + 2, b))
  }
  const end = parts.length === 0 ? set : (parts[parts.length - 1]?.[1] ?? set)
  const next = tokens[end]?.keyword
  if (next === 'from' || next === 'returning') complex = true
  const whereAt = indexOfKeyword(tokens, 'where', Math.max(end, 0))
  let where: string | undefined
  if (whereAt >= 0) {
    const returning = indexOfKeyword(tokens, 'returning', whereAt)
    if (returning >= 0) complex = true
    if (tokens[whereAt + 1]?.keyword === 'current') complex = true
    where = slice(scanned, whereAt + 1, returning < 0 ? tokens.length : returning)
  }
  return { assignments, ...(where === undefined ? {} : { where }), complex }
}

/** `ADD [CONSTRAINT name] definition` → `definition` (`FOREIGN KEY (a) REFERENCES t (id)`). */
export function constraintDefinition(command: string): string {
  const scanned = scan(command)
  const { tokens } = scanned
  let i = tokens[0]?.keyword === 'add' ? 1 : 0
  if (tokens[i]?.keyword === 'constraint') i += 2
  return slice(scanned, i, tokens.length)
}
