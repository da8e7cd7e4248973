import type { BoundKeyword, JsonType, Schema } from './model.js'
import { canonicalJson } from './canonical-json.js'

/** A schema's structure as a number, plus the named schemas it refers to (in key order). */
interface Shape {
  readonly key: number
  readonly named: ReadonlyArray<Schema>
}

const none: ReadonlyArray<Schema> = []

/** Sorted values as JSON text: unambiguous whatever characters the values hold. */
function sortedText(values: Iterable<string>): string {
  return JSON.stringify([...values].sort())
}

function discriminatorText(schema: Schema): string {
  const discriminator = schema.discriminator
  if (discriminator === undefined) return ''
  const targets = [...discriminator.mapping].map(([value, target]) => JSON.stringify([value, target.slice(Math.max(0, target.indexOf('#')))]))
  return `${JSON.stringify(discriminator.propertyName)}${sortedText(targets)}`
}

const typeBits: Readonly<Record<JsonType, number>> = { null: 1, boolean: 2, object: 4, array: 8, number: 16, integer: 32, string: 64 }

/** Every keyword of one schema object that does not lead to another schema, as text. */
function localText(schema: Schema): string {
  let bits = schema.types === undefined ? 128 : 0
  if (schema.types !== undefined) for (const type of schema.types) bits |= typeBits[type]
  if (schema.uniqueItems) bits |= 256
  if (schema.readOnly) bits |= 512
  if (schema.writeOnly) bits |= 1024
  if (schema.deprecated) bits |= 2048
  let text = schema.format === undefined ? `${bits}` : `${bits}f${JSON.stringify(schema.format)}`
  if (schema.enum !== undefined) text += `|e${sortedText(schema.enum.map(canonicalJson))}`
  if (schema.extensibleEnum !== undefined) text += `|x${sortedText(schema.extensibleEnum.map(canonicalJson))}`
  if (schema.pattern !== undefined) text += `|p${JSON.stringify(schema.pattern)}`
  if (schema.hasDefault) text += `|d${canonicalJson(schema.default)}`
  if (schema.required.size > 0) text += `|r${sortedText(schema.required)}`
  if (schema.discriminator !== undefined) text += `|m${discriminatorText(schema)}`
  for (const keyword in schema.bounds) text += `|${keyword}=${schema.bounds[keyword as BoundKeyword]}`
  // Texts the model does not interpret: equal text, same constraint (nested `$ref`s as written).
  if (schema.opaque !== undefined) text += `|o${JSON.stringify([...schema.opaque].sort(([x], [y]) => (x < y ? -1 : 1)))}`
  return text
}

/** A schema with no sub-schema: its own keywords say all. */
function isLeaf(schema: Schema): boolean {
  return (
    schema.properties.size === 0 &&
    schema.items === undefined &&
    typeof schema.additionalProperties === 'boolean' &&
    schema.prefixItems === undefined &&
    schema.oneOf === undefined &&
    schema.anyOf === undefined &&
    schema.allOf === undefined &&
    schema.not === undefined
  )
}

/**
 * Structural identity of schemas across the two documents of one diff, in linear time. Each
 * schema gets a number for its structure, computed once, in which a named component it refers to
 * stands as its name; two schemas are the same when their numbers are equal and the named schemas
 * they refer to are the same in turn (checked pair by pair, a pair met again on a cycle taken as
 * the same). Lets the comparison skip every unchanged part of a document at once.
 *
 * @example
 * const shapes = new ShapeIndex()
 * shapes.same(oldPet, newPet) // true when nothing a diff could report differs
 */
export class ShapeIndex {
  private readonly interned = new Map<string, number>()
  private readonly shapes = new Map<Schema, Shape>()
  private readonly inProgress = new Set<Schema>()
  /** Settled answers: a pair known to differ, or known to be the same. */
  private readonly known = new Map<Schema, Map<Schema, boolean>>()
  /** Pairs being checked, taken as the same until settled (Tarjan's stack: index = position). */
  private readonly open: Array<readonly [Schema, Schema]> = []
  private readonly openIndex = new Map<Schema, Map<Schema, number>>()
  private unique = -1

  /** Whether two schemas (of either document) allow and describe exactly the same values. */
  same(a: Schema, b: Schema): boolean {
    return this.visit(a, b) >= 0
  }

  /**
   * The named schemas a schema refers to directly or through unnamed parts: the edges of the
   * graph of components, for walks that need no more than that.
   */
  namedRefs(schema: Schema): ReadonlyArray<Schema> {
    return this.shapeOf(schema).named
  }

  private remember(a: Schema, b: Schema, value: boolean): void {
    let row = this.known.get(a)
    if (row === undefined) this.known.set(a, (row = new Map()))
    row.set(b, value)
  }

  /** Closes the open pairs from `index` up, remembering them as the same or forgetting them. */
  private close(index: number, same: boolean): void {
    while (this.open.length > index) {
      const [a, b] = this.open.pop() as readonly [Schema, Schema]
      this.openIndex.get(a)?.delete(b)
      if (same) this.remember(a, b, true)
    }
  }

  /**
   * -1 when the pair differs; else the lowest open index the answer rests on (`Infinity` when it
   * rests on nothing open). A pair met again while open counts as the same (co-inductively); a set
   * of open pairs that rests on nothing below it is settled as the same all at once (an SCC in
   * Tarjan's sense), and a negative answer is settled at once whatever was assumed.
   */
  private visit(a: Schema, b: Schema): number {
    if (a === b) return Infinity
    const cached = this.known.get(a)?.get(b)
    if (cached !== undefined) return cached ? Infinity : -1
    const openAt = this.openIndex.get(a)?.get(b)
    if (openAt !== undefined) return openAt
    const shapeA = this.shapeOf(a)
    const shapeB = this.shapeOf(b)
    const same = shapeA.key === shapeB.key
    if (!same || shapeA.named.length === 0) {
      this.remember(a, b, same)
      return same ? Infinity : -1
    }
    const index = this.open.length
    this.open.push([a, b])
    let row = this.openIndex.get(a)
    if (row === undefined) this.openIndex.set(a, (row = new Map()))
    row.set(b, index)
    let low = Infinity
    for (let i = 0; i < shapeA.named.length; i++) {
      const result = this.visit(shapeA.named[i] as Schema, shapeB.named[i] as Schema)
      if (result < 0) {
        this.close(index, false)
        this.remember(a, b, false)
        return -1
      }
      low = Math.min(low, result)
    }
    if (low >= index) {
      this.close(index, true)
      return Infinity
    }
    return low
  }

  private intern(text: string): number {
    let key = this.interned.get(text)
    if (key === undefined) this.interned.set(text, (key = this.interned.size))
    return key
  }

  /**
   * `#Name` for a named schema (noted in `named`), the keywords themselves for a leaf (most
   * schemas: no need to number them), else the number of its structure.
   */
  private token(child: Schema, named: Schema[]): string {
    if (child.name !== undefined) {
      named.push(child)
      return `#${child.name}`
    }
    if (isLeaf(child)) return `!${localText(child)}${child.additionalProperties === false ? '^' : ''};`
    const shape = this.shapeOf(child)
    for (const inner of shape.named) named.push(inner)
    return `@${shape.key}`
  }

  private list(children: ReadonlyArray<Schema> | undefined, named: Schema[]): string {
    if (children === undefined) return '-'
    let text = ''
    for (const child of children) text += `${this.token(child, named)},`
    return text
  }

  private shapeOf(schema: Schema): Shape {
    const known = this.shapes.get(schema)
    if (known !== undefined) return known
    // An unnamed schema inside itself (a `$ref` to a non-component): never the same as anything.
    if (this.inProgress.has(schema)) return { key: this.unique--, named: none }
    this.inProgress.add(schema)
    const named: Schema[] = []
    // Names are length-prefixed, so no name can pass for a separator.
    let text = `${localText(schema)}\n`
    if (schema.properties.size > 0) {
      const names = [...schema.properties.keys()].sort()
      for (const name of names) text += `${name.length}:${name}=${this.token(schema.properties.get(name) as Schema, named)},`
    }
    const extra = schema.additionalProperties
    text += `\n${typeof extra === 'boolean' ? String(extra) : this.token(extra, named)}`
    text += `\n${schema.items === undefined ? '-' : this.token(schema.items, named)}`
    text += `\n${this.list(schema.prefixItems, named)}\n${this.list(schema.oneOf, named)}\n${this.list(schema.anyOf, named)}`
    text += `\n${this.list(schema.allOf, named)}\n${schema.not === undefined ? '-' : this.token(schema.not, named)}`
    this.inProgress.delete(schema)
    const shape = { key: this.intern(text), named: named.length === 0 ? none : named }
    this.shapes.set(schema, shape)
    return shape
  }
}
