import { nodeBody, nodeOf, nodeType } from './pg-ast.js'

/**
 * Which rows a data statement (INSERT, UPDATE, DELETE, MERGE) reaches, read from its AST:
 * `all-rows` — UPDATE or DELETE without WHERE; `null-rows` — `WHERE c IS NULL` (the usual backfill
 * of a new column, which reaches nearly every row); `some-rows` — any other WHERE, or MERGE;
 * `values` — INSERT … VALUES; `query` — INSERT … SELECT (as many rows as the query finds).
 */
export type DataScope = 'all-rows' | 'null-rows' | 'some-rows' | 'values' | 'query'

function isNullTests(where: unknown): boolean {
  const test = nodeOf<{ nulltesttype?: string }>(where, 'NullTest')
  if (test !== undefined) return test.nulltesttype === 'IS_NULL'
  const bool = nodeOf<{ boolop?: string; args?: ReadonlyArray<unknown> }>(where, 'BoolExpr')
  return bool?.boolop === 'AND_EXPR' && (bool.args ?? []).every(isNullTests)
}

/**
 * @example
 * dataScope(parsed.node) // 'all-rows' for `update users set plan = 'free'`
 */
export function dataScope(node: unknown): DataScope {
  const type = nodeType(node)
  const body = nodeBody(node)
  if (type === 'InsertStmt') {
    const select = nodeOf<{ valuesLists?: ReadonlyArray<unknown> }>(body['selectStmt'], 'SelectStmt')
    return select?.valuesLists !== undefined ? 'values' : 'query'
  }
  if (type !== 'UpdateStmt' && type !== 'DeleteStmt') return 'some-rows'
  const where = body['whereClause']
  if (where === undefined) return 'all-rows'
  return isNullTests(where) ? 'null-rows' : 'some-rows'
}
