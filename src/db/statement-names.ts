import { scanSql } from './parse-sql.js'
import { nodeBody, nodeOf, nodeType, stringList } from './pg-ast.js'

const encoder = new TextEncoder()

/** The longest name PostgreSQL keeps, in bytes (NAMEDATALEN - 1); longer names are truncated. */
export const maxNameBytes = 63

/** `\s` of a JavaScript regular expression: ECMAScript WhiteSpace and LineTerminator. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 0xa0) return false
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

/** Characters that can make an unquoted name: none of `\s ( ) , ; . ' "`. */
function isNameChar(code: number): boolean {
  return code !== 40 && code !== 41 && code !== 44 && code !== 59 && code !== 46 && code !== 39 && code !== 34 && !isSpace(code)
}

const unquotedRuns = new Map<number, RegExp>()

/** A run of at least `min` name characters. */
function unquotedRun(min: number): RegExp {
  let pattern = unquotedRuns.get(min)
  if (pattern === undefined) unquotedRuns.set(min, (pattern = new RegExp(`[^\\s(),;.'"]{${min},}`)))
  return pattern
}

/**
 * Where the quoted name opening at `open` ends (its closing quote), as the pattern `"(?:[^"]|"")*"` finds it:
 * `""` inside is a quote; with no lone closing quote, the last `""` closes it. -1 when nothing closes it.
 */
function closingQuote(text: string, open: number): number {
  let lastPair = -1
  for (let j = open + 1; j < text.length; j++) {
    if (text.charCodeAt(j) !== 34) continue
    if (text.charCodeAt(j + 1) !== 34) return j
    lastPair = j
    j++
  }
  return lastPair
}

/**
 * Quick test before scanning (the scanner costs several times a parse): does the text hold a quoted
 * name, or a run of name characters outside quotes, long enough to pass `limit` bytes? That takes
 * `limit + 1` characters in ASCII text, a quarter of that otherwise (a UTF-8 character has at most 4 bytes).
 * It runs on every statement: one pass over the text, or one regular expression when it has no double quote.
 */
export function mayHoldLongName(text: string, limit: number): boolean {
  const min = Buffer.byteLength(text, 'utf8') === text.length ? limit + 1 : Math.ceil((limit + 1) / 4)
  if (text.length < min) return false
  // Without double quotes only runs count, and a regular expression finds one natively.
  if (!text.includes('"')) return unquotedRun(min).test(text)
  let run = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 34) {
      run = 0
      const close = closingQuote(text, i)
      if (close === -1) continue
      if (close - i - 1 >= min) return true
      i = close
    } else if (isNameChar(code)) {
      if (++run >= min) return true
    } else run = 0
  }
  return false
}

/**
 * The names in a statement's text longer than `limit` bytes, as written (the parser has already cut
 * them to 63 bytes, so the AST cannot tell). Quoted names keep their case; others are folded to lower case.
 *
 * @example
 * longNames('create table a_name_of_seventy_bytes… (id int)') // [{ name: 'a_name_of_seventy_bytes…', bytes: 70 }]
 */
export function longNames(text: string, limit = maxNameBytes): ReadonlyArray<{ readonly name: string; readonly bytes: number }> {
  if (!mayHoldLongName(text, limit)) return []
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
