import type { BoundKeyword, Schema } from './model.js'

/**
 * JSON text with object keys sorted, so that two equal values give the same text whatever the
 * key order of the input.
 *
 * @example
 * canonicalJson({ b: 1, a: [true] }) // '{"a":[true],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
}

function sameSet<T>(a: ReadonlySet<T> | undefined, b: ReadonlySet<T> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.size !== b.size) return false
  for (const item of a) if (!b.has(item)) return false
  return true
}

function sameValues(a: ReadonlyArray<unknown> | undefined, b: ReadonlyArray<unknown> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return sameSet(new Set(a.map(canonicalJson)), new Set(b.map(canonicalJson)))
}

function sameBounds(a: Schema['bounds'], b: Schema['bounds']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as BoundKeyword[])
  for (const key of keys) if (a[key] !== b[key]) return false
  return true
}

function sameDiscriminator(a: Schema['discriminator'], b: Schema['discriminator']): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.propertyName !== b.propertyName || a.mapping.size !== b.mapping.size) return false
  for (const [value, target] of a.mapping) if (b.mapping.get(value) !== target) return false
  return true
}

/** The keywords of one schema object that do not lead to other schemas. */
function sameLocalKeywords(a: Schema, b: Schema): boolean {
  return (
    sameSet(a.types, b.types) &&
    a.format === b.format &&
    a.pattern === b.pattern &&
    a.uniqueItems === b.uniqueItems &&
    a.readOnly === b.readOnly &&
    a.writeOnly === b.writeOnly &&
    sameValues(a.enum, b.enum) &&
    sameBounds(a.bounds, b.bounds) &&
    sameSet(a.required, b.required) &&
    sameSet(new Set(a.properties.keys()), new Set(b.properties.keys())) &&
    typeof a.additionalProperties === typeof b.additionalProperties &&
    (typeof a.additionalProperties !== 'boolean' || a.additionalProperties === b.additionalProperties) &&
    sameDiscriminator(a.discriminator, b.discriminator)
  )
}

type Pairs = Array<readonly [Schema | undefined, Schema | undefined]>

function listPairs(a: ReadonlyArray<Schema> | undefined, b: ReadonlyArray<Schema> | undefined, pairs: Pairs): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.length !== b.length) return false
  a.forEach((schema, index) => pairs.push([schema, b[index]]))
  return true
}

/** The pairs of sub-schemas two schemas must agree on, or `undefined` when their structure differs. */
function childPairs(a: Schema, b: Schema): Pairs | undefined {
  const pairs: Pairs = []
  for (const [name, schema] of a.properties) pairs.push([schema, b.properties.get(name)])
  if (typeof a.additionalProperties !== 'boolean') pairs.push([a.additionalProperties, b.additionalProperties as Schema])
  pairs.push([a.items, b.items], [a.not, b.not])
  const lists = [
    listPairs(a.prefixItems, b.prefixItems, pairs),
    listPairs(a.oneOf, b.oneOf, pairs),
    listPairs(a.anyOf, b.anyOf, pairs),
    listPairs(a.allOf, b.allOf, pairs),
  ]
  return lists.every(Boolean) ? pairs : undefined
}

/**
 * Deep structural equality of two schemas by what they allow (descriptions, examples, names,
 * `default` and `deprecated` aside). Cycle-safe: a pair met again while it is being checked is
 * assumed equal, and results are remembered across calls.
 *
 * @example
 * const sameShape = createShapeComparer()
 * sameShape(oldNot, newNot) // true when both `not` schemas exclude the same values
 */
export function createShapeComparer(): (a: Schema, b: Schema) => boolean {
  const known = new Map<string, boolean>()
  const equal = (a: Schema | undefined, b: Schema | undefined, assumed: Set<string>): boolean => {
    if (a === undefined || b === undefined) return a === b
    if (a === b) return true
    const key = `${a.id}:${b.id}`
    const cached = known.get(key)
    if (cached !== undefined) return cached
    if (assumed.has(key)) return true
    assumed.add(key)
    const pairs = sameLocalKeywords(a, b) ? childPairs(a, b) : undefined
    const result = pairs !== undefined && pairs.every(([x, y]) => equal(x, y, assumed))
    // A negative answer holds whatever was assumed; a positive one only once the outermost call agrees.
    if (!result) known.set(key, false)
    return result
  }
  return (a, b) => {
    const assumed = new Set<string>()
    const result = equal(a, b, assumed)
    if (result) for (const key of assumed) known.set(key, true)
    return result
  }
}
