import type { Node, RangeVar } from 'libpg-query'

/**
 * Small readers over libpg-query's JSON AST, where every node is `{ TypeName: { ...fields } }`.
 *
 * @example
 * nodeType({ String: { sval: 'x' } }) // 'String'
 */
export type AnyNode = Node | Record<string, unknown>

/** The node's type name: its only key. */
export function nodeType(node: unknown): string {
  if (node === null || typeof node !== 'object') return ''
  for (const key in node) return key
  return ''
}

/** The fields of a node of the given type, or undefined when it is another type. */
export function nodeOf<T>(node: unknown, type: string): T | undefined {
  if (node === null || typeof node !== 'object') return undefined
  return (node as Record<string, T | undefined>)[type]
}

/** The fields of a node whatever its type. */
export function nodeBody(node: unknown): Record<string, unknown> {
  const type = nodeType(node)
  return ((node as Record<string, unknown> | undefined)?.[type] ?? {}) as Record<string, unknown>
}

/** `[{String:{sval:'public'}},{String:{sval:'t'}}]` → `['public', 't']`. */
export function stringList(nodes: ReadonlyArray<unknown> | undefined): string[] {
  const out: string[] = []
  for (const n of nodes ?? []) {
    const s = nodeOf<{ sval?: string }>(n, 'String')
    if (s !== undefined) out.push(s.sval ?? '')
  }
  return out
}

/** A schema-qualified name. `key` is `schema.name`, the map key everywhere in the schema model. */
export interface QualifiedName {
  readonly schema: string
  readonly name: string
}

export function qualify(name: QualifiedName): string {
  return `${name.schema}.${name.name}`
}

export function rangeVarName(rv: RangeVar | undefined, defaultSchema: string): QualifiedName {
  return { schema: rv?.schemaname ?? defaultSchema, name: rv?.relname ?? '' }
}

/** `['public','t']` or `['t']` as a qualified name; the last part is the name. */
export function listName(parts: ReadonlyArray<string>, defaultSchema: string): QualifiedName {
  const name = parts[parts.length - 1] ?? ''
  const schema = parts.length >= 2 ? (parts[parts.length - 2] ?? defaultSchema) : defaultSchema
  return { schema, name }
}

/** Calls `visit` on every node object under `node` (depth first), stopping early when it returns true. */
export function someNode(node: unknown, visit: (type: string, body: Record<string, unknown>) => boolean): boolean {
  if (node === null || typeof node !== 'object') return false
  if (Array.isArray(node)) return node.some((n) => someNode(n, visit))
  const record = node as Record<string, unknown>
  for (const key in record) {
    const value = record[key]
    if (value === null || typeof value !== 'object') continue
    const first = key.charCodeAt(0)
    // Node wrappers are the capitalised keys: { FuncCall: { … } }.
    if (first >= 65 && first <= 90 && !Array.isArray(value) && visit(key, value as Record<string, unknown>)) return true
    if (someNode(value, visit)) return true
  }
  return false
}

/** A canonical text for comparing two expressions: the AST without source locations. */
export function expressionKey(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) => (key === 'location' ? undefined : value))
}
