import type { DocumentSet, Node } from './document-set.js'

/** The checks the model builder makes on what it reads; each failure names the place. */
export type Fields = Readonly<Record<string, unknown>>

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The node's value as an object, or an error at it. */
export function objectAt(docs: DocumentSet, node: Node, what = 'must be an object'): Fields {
  if (!isObject(node.value)) throw docs.error(node, what)
  return node.value
}

/**
 * The member nodes of an optional object (`{}` when absent), skipping `x-` extensions. The object
 * itself may be a `$ref` (DigitalOcean refers to whole `properties` maps).
 */
export function membersOf(docs: DocumentSet, start: Node): ReadonlyArray<readonly [string, Node]> {
  if (start.value === undefined) return []
  const node = docs.deref(start)
  const value = objectAt(docs, node)
  return Object.keys(value)
    .filter((key) => !key.startsWith('x-'))
    .map((key) => [key, docs.child(node, key)] as const)
}

/** The element nodes of an optional array (which may be a `$ref`). */
export function elementsOf(docs: DocumentSet, start: Node): ReadonlyArray<Node> {
  if (start.value === undefined) return []
  const node = docs.deref(start)
  if (!Array.isArray(node.value)) throw docs.error(node, 'must be an array')
  return node.value.map((_, i) => docs.child(node, i))
}

/** An optional boolean field. */
export function flag(docs: DocumentSet, node: Node, key: string, fallback = false): boolean {
  const value = (node.value as Fields)[key]
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') throw docs.error(docs.child(node, key), 'must be true or false')
  return value
}

/** An optional string field. */
export function text(docs: DocumentSet, node: Node, key: string): string | undefined {
  const value = (node.value as Fields)[key]
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw docs.error(docs.child(node, key), 'must be a string')
  return value
}

/** A required string field. */
export function requiredText(docs: DocumentSet, node: Node, key: string): string {
  const value = text(docs, node, key)
  if (value === undefined) throw docs.error(node, `${key} is required`)
  return value
}

/** An optional list of strings (`consumes`, `produces`, scopes). */
export function strings(docs: DocumentSet, node: Node): ReadonlyArray<string> | undefined {
  if (node.value === undefined) return undefined
  if (!Array.isArray(node.value) || node.value.some((item) => typeof item !== 'string')) {
    throw docs.error(node, 'must be an array of strings')
  }
  return node.value as string[]
}
