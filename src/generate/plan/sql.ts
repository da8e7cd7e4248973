import { createHash } from 'node:crypto'
import type { QualifiedName } from '../../db/pg-ast.js'

/**
 * Small SQL writers for generated plans: quoting, names that fit PostgreSQL's 63-byte limit.
 *
 * @example
 * ident('Order') // '"Order"'
 * ident('orders') // 'orders'
 * literal("it's") // "'it''s'"
 */
const reserved = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'both', 'case', 'cast', 'check',
  'collate', 'column', 'constraint', 'create', 'current_catalog', 'current_date', 'current_role', 'current_time',
  'current_timestamp', 'current_user', 'default', 'deferrable', 'desc', 'distinct', 'do', 'else', 'end', 'except',
  'false', 'fetch', 'for', 'foreign', 'from', 'grant', 'group', 'having', 'in', 'initially', 'intersect', 'into',
  'lateral', 'leading', 'limit', 'localtime', 'localtimestamp', 'not', 'null', 'offset', 'on', 'only', 'or', 'order',
  'placing', 'primary', 'references', 'returning', 'select', 'session_user', 'some', 'symmetric', 'system_user',
  'table', 'then', 'to', 'trailing', 'true', 'union', 'unique', 'user', 'using', 'variadic', 'when', 'where',
  'window', 'with', 'authorization', 'binary', 'collation', 'concurrently', 'cross', 'current_schema', 'freeze',
  'full', 'ilike', 'inner', 'is', 'isnull', 'join', 'left', 'like', 'natural', 'notnull', 'outer', 'overlaps',
  'right', 'similar', 'tablesample', 'verbose', 'new', 'old',
])

/** An identifier, quoted only when it must be. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !reserved.has(name) ? name : `"${name.replaceAll('"', '""')}"`
}

/** `schema.name`, each part quoted when needed. */
export function qualified(name: QualifiedName): string {
  return `${ident(name.schema)}.${ident(name.name)}`
}

/** A string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/** A dollar-quoted body that cannot clash with its content. */
export function dollarQuoted(body: string): string {
  let tag = '$$'
  for (let n = 1; body.includes(tag); n++) tag = `$rs${n}$`
  return `${tag}${body}${tag}`
}

/**
 * A name for a generated object, shortened with a stable hash when it would exceed PostgreSQL's
 * 63-byte identifier limit (PostgreSQL would silently truncate it, and two long names could collide).
 */
export function objectName(...parts: ReadonlyArray<string>): string {
  const name = parts.filter((p) => p !== '').join('_')
  if (Buffer.byteLength(name) <= 63) return name
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8)
  let head = name
  while (Buffer.byteLength(head) > 54) head = head.slice(0, -1)
  return `${head}_${hash}`
}

/** A table key `public.users` as a qualified name. */
export function splitKey(key: string): QualifiedName {
  const dot = key.indexOf('.')
  return { schema: key.slice(0, dot), name: key.slice(dot + 1) }
}
