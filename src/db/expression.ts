import { expressionKey, nodeBody, nodeOf, nodeType, someNode, stringList } from './pg-ast.js'

/** What the model keeps of an expression (a default, a CHECK, a generated column). */
export interface ExpressionInfo {
  /** Canonical AST text, equal for equal expressions wherever they were written. */
  readonly key: string
  /** Short display text: `0`, `'pending'`, `now()`, `gen_random_uuid()`, `…`. */
  readonly text: string
  /** Calls a volatile function (or one rollsafe cannot classify), so ADD COLUMN rewrites the table. */
  readonly volatile: boolean
  /** The AST, for rules that need more. */
  readonly node: unknown
}

// VOLATILE built-ins commonly used in defaults (pg_proc.provolatile = 'v').
const volatileFunctions = new Set([
  'random', 'clock_timestamp', 'timeofday', 'gen_random_uuid', 'uuid_generate_v1', 'uuid_generate_v1mc',
  'uuid_generate_v4', 'uuidv4', 'uuidv7', 'nextval', 'setval', 'txid_current', 'gen_random_bytes', 'gen_salt',
  'random_normal', 'pg_current_xact_id',
])

// Built-ins that are IMMUTABLE or STABLE: a default calling only these is stored in the catalog (PG11+).
const stableFunctions = new Set([
  'now', 'transaction_timestamp', 'statement_timestamp', 'current_setting', 'lower', 'upper', 'length',
  'char_length', 'coalesce', 'nullif', 'greatest', 'least', 'concat', 'concat_ws', 'md5', 'encode', 'decode',
  'substring', 'substr', 'trim', 'btrim', 'ltrim', 'rtrim', 'replace', 'abs', 'round', 'floor', 'ceil',
  'date_trunc', 'date_part', 'timezone', 'make_interval', 'make_date', 'to_timestamp', 'to_char', 'to_date',
  'to_json', 'to_jsonb', 'json_build_object', 'jsonb_build_object', 'json_build_array', 'jsonb_build_array',
  'array_length', 'cardinality', 'format', 'uuid_nil', 'uuid_ns_url', 'uuid_ns_dns', 'uuid_ns_oid',
  'uuid_ns_x500', 'uuid_generate_v3', 'uuid_generate_v5', 'jsonb_object', 'json_object', 'array_to_string',
  'string_to_array', 'split_part', 'left', 'right', 'repeat', 'lpad', 'rpad', 'bool', 'int4', 'int8', 'text',
  'inet_client_addr', 'current_user', 'session_user', 'current_database', 'current_schema', 'pg_backend_pid',
  'to_tsvector', 'setweight', 'array_cat', 'array_append', 'array_prepend', 'extract', 'age', 'date',
])

/** Function names called in an expression, lower-case, without schema. */
export function calledFunctions(node: unknown): string[] {
  const names: string[] = []
  someNode(node, (type, body) => {
    if (type === 'FuncCall') {
      const parts = stringList((body as { funcname?: unknown[] }).funcname)
      names.push((parts[parts.length - 1] ?? '').toLowerCase())
    }
    return false
  })
  return names
}

/**
 * True when evaluating the expression may give a different value per row: a call to a volatile
 * function, to a function rollsafe does not know, or a subquery. `knownStable` adds the user
 * functions the replay saw declared IMMUTABLE or STABLE.
 */
export function isVolatile(node: unknown, knownStable: ReadonlySet<string> = new Set()): boolean {
  if (someNode(node, (type) => type === 'SubLink')) return true
  return calledFunctions(node).some(
    (name) => volatileFunctions.has(name) || (!stableFunctions.has(name) && !knownStable.has(name)),
  )
}

function constantText(node: unknown): string | undefined {
  const c = nodeOf<Record<string, { sval?: string; ival?: number; fval?: string; boolval?: boolean }>>(node, 'A_Const')
  if (c === undefined) return undefined
  if (c['isnull']) return 'NULL'
  if (c['sval']) return `'${c['sval'].sval ?? ''}'`
  if (c['ival']) return String(c['ival'].ival ?? 0)
  if (c['fval']) return c['fval'].fval ?? ''
  if (c['boolval']) return String(c['boolval'].boolval ?? false)
  return undefined
}

/** A short display form of an expression; `…` for anything beyond a constant, cast or call. */
export function expressionText(node: unknown): string {
  const type = nodeType(node)
  const body = nodeBody(node)
  if (type === 'A_Const') return constantText(node) ?? '…'
  if (type === 'TypeCast') return expressionText(body['arg'])
  if (type === 'FuncCall') {
    const parts = stringList(body['funcname'] as unknown[])
    return `${parts[parts.length - 1] ?? ''}(${(body['args'] as unknown[] | undefined)?.length ? '…' : ''})`
  }
  if (type === 'SQLValueFunction') return String(body['op'] ?? '').replace(/^SVFOP_/, '').toLowerCase()
  if (type === 'ColumnRef') return stringList(body['fields'] as unknown[]).join('.')
  return '…'
}

export function expressionInfo(node: unknown, knownStable?: ReadonlySet<string>): ExpressionInfo {
  let key: string | undefined
  // The key is only read when two schemas are compared: computed on first use.
  return {
    get key() {
      return (key ??= expressionKey(node))
    },
    text: expressionText(node),
    volatile: isVolatile(node, knownStable),
    node,
  }
}

/** The column a CHECK expression proves NOT NULL: `c IS NOT NULL` → `c`. */
export function notNullCheckColumn(node: unknown): string | undefined {
  const test = nodeOf<{ arg?: unknown; nulltesttype?: string }>(node, 'NullTest')
  if (test?.nulltesttype !== 'IS_NOT_NULL') return undefined
  const ref = nodeOf<{ fields?: unknown[] }>(test.arg, 'ColumnRef')
  const fields = stringList(ref?.fields)
  return fields.length === 1 ? fields[0] : undefined
}
