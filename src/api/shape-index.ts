import type { BoundKeyword, Schema } from './model.js'
import { canonicalJson } from './canonical-json.js'

/** A schema's structure as a number, plus the named schemas it refers to (in key order). */
interface Shape {
  readonly key: number
  readonly named: ReadonlyArray<Schema>
}

const none: ReadonlyArray<Schema> = []

const boundKeywords: ReadonlyArray<BoundKeyword> = [
  'maxLength',
  'minLength',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'multipleOf',
]

function sortedText(values: Iterable<string>): string {
  return [...values].sort().join(',')
}

function discriminatorText(schema: Schema): string {
  const discriminator = schema.discriminator
  if (discriminator === undefined) return ''
  const targets = [...discriminator.mapping].map(([value, target]) => `${value}=${target.slice(Math.max(0, target.indexOf('#')))}`)
  return `${discriminator.propertyName}(${sortedText(targets)})`
}

function boundsText(bounds: Schema['bounds']): string {
  let text = ''
  for (const keyword of boundKeywords) {
    const value = bounds[keyword]
    if (value !== undefined) text += `${keyword}=${value},`
  }
  return text
}

/** Every keyword of one schema object that does not lead to another schema, as text. */
function localText(schema: Schema): string {
  const types = schema.types === undefined ? '*' : schema.types.size === 1 ? [...schema.types].join() : sortedText(schema.types)
  let text = `${types}|${schema.format ?? ''}|${+schema.uniqueItems}${+schema.readOnly}${+schema.writeOnly}${+schema.deprecated}`
  if (schema.enum !== undefined) text += `|e${sortedText(schema.enum.map(canonicalJson))}`
  if (schema.pattern !== undefined) text += `|p${JSON.stringify(schema.pattern)}`
  if (schema.hasDefault) text += `|d${canonicalJson(schema.default)}`
  if (schema.required.size > 0) text += `|r${sortedText(schema.required)}`
  if (schema.discriminator !== undefined) text += `|m${discriminatorText(schema)}`
  return `${text}|${boundsText(schema.bounds)}`
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
  /** Pairs known to differ, or known to be the same (only settled once no assumption is open). */
  private readonly known = new Map<Schema, Map<Schema, boolean>>()
  private unique = -1

  /** Whether two schemas (of either document) allow and describe exactly the same values. */
  same(a: Schema, b: Schema): boolean {
    if (a === b) return true
    const assumed = new Map<Schema, Set<Schema>>()
    const result = this.sameUnder(a, b, assumed)
    if (result) for (const [x, ys] of assumed) for (const y of ys) this.remember(x, y, true)
    return result
  }

  private remember(a: Schema, b: Schema, value: boolean): void {
    let row = this.known.get(a)
    if (row === undefined) this.known.set(a, (row = new Map()))
    row.set(b, value)
  }

  private sameUnder(a: Schema, b: Schema, assumed: Map<Schema, Set<Schema>>): boolean {
    if (a === b) return true
    const cached = this.known.get(a)?.get(b)
    if (cached !== undefined) return cached
    const shapeA = this.shapeOf(a)
    const shapeB = this.shapeOf(b)
    if (shapeA.key !== shapeB.key) {
      this.remember(a, b, false)
      return false
    }
    if (shapeA.named.length === 0) {
      this.remember(a, b, true)
      return true
    }
    // Taken as the same while its named parts are checked (a cycle comes back here); a negative
    // answer holds whatever was assumed, a positive one once the outermost check agrees.
    let row = assumed.get(a)
    if (row?.has(b) === true) return true
    if (row === undefined) assumed.set(a, (row = new Set()))
    row.add(b)
    const result = shapeA.named.every((x, i) => this.sameUnder(x, shapeB.named[i] as Schema, assumed))
    if (!result) this.remember(a, b, false)
    return result
  }

  private intern(text: string): number {
    let key = this.interned.get(text)
    if (key === undefined) this.interned.set(text, (key = this.interned.size))
    return key
  }

  /** `#Name` for a named schema (noted in `named`), else the number of its structure. */
  private token(child: Schema, named: Schema[]): string {
    if (child.name !== undefined) {
      named.push(child)
      return `#${child.name}`
    }
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
