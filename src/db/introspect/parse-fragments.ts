import type { TypeName } from 'libpg-query'
import { parseTree } from '../parse-sql.js'
import { nodeOf } from '../pg-ast.js'
import { typeRefOf, type TypeRef } from '../type-ref.js'

/** The expressions of `select e1, e2, …`, or undefined when the text does not parse. */
function selectTargets(text: string): unknown[] | undefined {
  try {
    const stmt = parseTree(text).stmts?.[0]?.stmt
    const select = nodeOf<{ targetList?: unknown[] }>(stmt, 'SelectStmt')
    return (select?.targetList ?? []).map((t) => nodeOf<{ val?: unknown }>(t, 'ResTarget')?.val)
  } catch {
    return undefined
  }
}

/**
 * Parses SQL fragments the catalog prints (`format_type`, `pg_get_expr`) with the same parser
 * as the migrations, so introspected types and expressions compare equal to replayed ones.
 * All fragments go through one parser call; when that fails, each is parsed alone and the
 * ones that still fail are left out.
 */
function parseBatch(fragments: ReadonlyArray<string>, wrap: (fragment: string) => string): Map<string, unknown> {
  const distinct = [...new Set(fragments)]
  const parsed = new Map<string, unknown>()
  if (distinct.length === 0) return parsed
  const all = selectTargets(`select ${distinct.map(wrap).join(', ')}`)
  if (all !== undefined && all.length === distinct.length) {
    distinct.forEach((fragment, i) => parsed.set(fragment, all[i]))
    return parsed
  }
  for (const fragment of distinct) {
    const one = selectTargets(`select ${wrap(fragment)}`)
    if (one?.length === 1) parsed.set(fragment, one[0])
  }
  return parsed
}

/**
 * `format_type` texts as TypeRefs: `character varying(32)` → varchar(32).
 *
 * @example
 * parseTypeNames(['integer[]']).get('integer[]')?.display // 'integer[]'
 */
export function parseTypeNames(types: ReadonlyArray<string>): Map<string, TypeRef> {
  const nodes = parseBatch(types, (t) => `null::${t}`)
  const refs = new Map<string, TypeRef>()
  for (const [text, node] of nodes) {
    const typeName = nodeOf<{ typeName?: TypeName }>(node, 'TypeCast')?.typeName
    if (typeName !== undefined) refs.set(text, typeRefOf(typeName))
  }
  return refs
}

/** `pg_get_expr` texts as expression ASTs (what `expressionInfo` reads). */
export function parseExpressions(expressions: ReadonlyArray<string>): Map<string, unknown> {
  return parseBatch(expressions, (e) => `(${e})`)
}
