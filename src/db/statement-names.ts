import { scanSql } from './parse-sql.js'
import { nodeBody, nodeOf, nodeType, stringList } from './pg-ast.js'

const encoder = new TextEncoder()

/** The longest name PostgreSQL keeps, in bytes (NAMEDATALEN - 1); longer names are truncated. */
export const maxNameBytes = 63

const patterns = new Map<number, RegExp>()

/**
 * A quoted name of at least `min` characters (`""` is one) or a run of at least `min` characters
 * that can make an unquoted name: letters, digits, `_`, `$` and, as PostgreSQL's scanner has it,
 * every non-ASCII character (a no-break space or a byte order mark too). A run is tried from its
 * first character only (the lookbehind): tried from each of its characters, the search would be
 * quadratic in the run's length.
 */
function longNamePattern(min: number): RegExp {
  let pattern = patterns.get(min)
  if (pattern === undefined) patterns.set(min, (pattern = new RegExp(`"(?:[^"]|""){${min},}"|(?<![\\w$\\u0080-\\uffff])[\\w$\\u0080-\\uffff]{${min},}`)))
  return pattern
}

/**
 * Quick test before scanning (the scanner costs several times a parse): does the text hold a quoted
 * name, or a run of name characters, long enough to pass `limit` bytes? That takes `limit + 1`
 * characters in ASCII text, a quarter of that otherwise (a UTF-8 character has at most 4 bytes).
 * It runs on every statement, so it is one regular expression. It may say yes where the scanner
 * then finds no long name (text between two quoted names, a string constant); never the reverse.
 */
export function mayHoldLongName(text: string, limit: number): boolean {
  const min = Buffer.byteLength(text, 'utf8') === text.length ? limit + 1 : Math.ceil((limit + 1) / 4)
  return text.length >= min && longNamePattern(min).test(text)
}

/** Between `limit - 3` and `limit` bytes (a UTF-8 character has at most 4: shorter strings cannot reach that). */
function mayBeClipped(value: string, limit: number): boolean {
  if (value.length > limit || value.length * 4 < limit - 3) return false
  const bytes = Buffer.byteLength(value, 'utf8')
  return bytes >= limit - 3 && bytes <= limit
}

/**
 * Whether the parse tree holds a string PostgreSQL may have cut from a longer name: its scanner
 * cuts a name to at most `limit` bytes at a character boundary, so at least `limit - 3` remain.
 * Every name of a statement is in its tree; most statements with a long run of name characters
 * (a long string constant, a long unquoted word) have no such string, and are not scanned.
 */
function holdsClippedName(node: unknown, limit: number): boolean {
  const stack: unknown[] = [node]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value === 'string') {
      if (mayBeClipped(value, limit)) return true
      // Setting names keep their dotted form in one string (`set app.some_name = 1`).
      if (value.includes('.') && value.split('.').some((part) => mayBeClipped(part, limit))) return true
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item)
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) stack.push((value as Record<string, unknown>)[key])
    }
  }
  return false
}

/**
 * The names in a statement's text longer than `limit` bytes, as written (the parser has already cut
 * them, so the tree `node` alone cannot tell). Quoted names keep their case; others are folded to
 * lower case. The scanner, which finds them exactly, runs only on statements that pass two quick
 * tests: a long enough run in the text, and a cut-looking string in the tree.
 *
 * @example
 * longNames('create table a_name_of_seventy_bytes… (id int)', tree) // [{ name: 'a_name_of_seventy_bytes…', bytes: 70 }]
 */
export function longNames(text: string, node: unknown, limit = maxNameBytes): ReadonlyArray<{ readonly name: string; readonly bytes: number }> {
  if (!mayHoldLongName(text, limit) || !holdsClippedName(node, limit)) return []
  const found = new Map<string, number>()
  for (const token of scanSql(text).tokens) {
    if (token.tokenName !== 'IDENT') continue
    const raw = token.text
    const name = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw.toLowerCase()
    const bytes = encoder.encode(name).length
    if (bytes > limit) found.set(name, bytes)
  }
  return [...found].map(([name, bytes]) => ({ name, bytes }))
}

/** Statements whose relations are schema objects being defined or changed (not merely read). */
const ddlTypes = new Set(['CreateStmt', 'AlterTableStmt', 'IndexStmt', 'RenameStmt', 'TruncateStmt', 'CreateTrigStmt', 'CreateSeqStmt'])
const droppable = new Set(['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE'])

/**
 * Relation names a DDL statement writes without a schema (`users` rather than `public.users`),
 * temporary tables aside. Empty for statements that are not DDL on relations.
 *
 * @example
 * unqualifiedRelations(parse('alter table users add column a int')) // ['users']
 */
export function unqualifiedRelations(node: unknown): ReadonlyArray<string> {
  const type = nodeType(node)
  const body = nodeBody(node)
  const out = new Set<string>()
  if (type === 'DropStmt' && droppable.has(String(body['removeType']))) {
    for (const object of (body['objects'] as ReadonlyArray<unknown> | undefined) ?? []) {
      const parts = stringList(nodeOf<{ items?: unknown[] }>(object, 'List')?.items)
      if (parts.length === 1) out.add(parts[0]!)
    }
  }
  const into = (body['into'] as { rel?: unknown } | undefined)?.rel
  const targets = type === 'ViewStmt' ? [body['view']] : type === 'CreateTableAsStmt' ? [into] : ddlTypes.has(type) ? [body] : []
  // RangeVars: `relation` fields hold them bare, lists wrap them as { RangeVar: … }; both have `relname`.
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    const rv = value as { relname?: unknown; schemaname?: unknown; relpersistence?: unknown }
    if (typeof rv.relname === 'string' && rv.schemaname === undefined && rv.relpersistence !== 't') out.add(rv.relname)
    for (const key in value) visit((value as Record<string, unknown>)[key])
  }
  for (const target of targets) visit(target)
  return [...out]
}

/**
 * Column names written twice where PostgreSQL rejects it: CREATE TABLE, UPDATE … SET, INSERT (cols), view column lists.
 *
 * @example
 * duplicateColumns(parse("update users set plan = 'a', plan = 'b'")) // ['plan']
 */
export function duplicateColumns(node: unknown): ReadonlyArray<string> {
  const type = nodeType(node)
  if (type !== 'CreateStmt' && type !== 'UpdateStmt' && type !== 'InsertStmt' && type !== 'ViewStmt') return []
  const body = nodeBody(node)
  const list = (key: string, of: string): ReadonlyArray<Record<string, unknown>> =>
    ((body[key] as ReadonlyArray<unknown> | undefined) ?? []).map((n) => nodeOf<Record<string, unknown>>(n, of)).filter((n): n is Record<string, unknown> => n !== undefined)
  let names: ReadonlyArray<string> = []
  if (type === 'CreateStmt') names = list('tableElts', 'ColumnDef').map((c) => String(c['colname']))
  // `SET a[1] = …, a[2] = …` assigns parts of one column: allowed.
  else if (type === 'UpdateStmt') names = list('targetList', 'ResTarget').filter((t) => t['indirection'] === undefined).map((t) => String(t['name']))
  else if (type === 'InsertStmt') names = list('cols', 'ResTarget').filter((t) => t['indirection'] === undefined).map((t) => String(t['name']))
  else if (type === 'ViewStmt') names = stringList(body['aliases'] as ReadonlyArray<unknown> | undefined)
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const name of names) (seen.has(name) ? twice : seen).add(name)
  return [...twice]
}
