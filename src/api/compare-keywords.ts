import type { BoundKeyword, JsonType, Schema } from './model.js'
import type { PairSink } from './relative-change.js'
import { canonicalJson } from './canonical-json.js'
import {
  boundEffect,
  formatEffect,
  isNullable,
  restrictingFlagEffect,
  typesEffect,
} from './schema-effects.js'

/** Every bound keyword, in the order changes are reported. */
const boundKeywords: ReadonlyArray<BoundKeyword> = [
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
]

function withoutNull(types: ReadonlySet<JsonType> | undefined): ReadonlySet<JsonType> | undefined {
  if (types === undefined || !types.has('null')) return types
  const out = new Set(types)
  out.delete('null')
  return out
}

/** The type set and `null` membership, reported apart (a nullability change is its own fact). */
export function compareTypes(a: Schema, b: Schema, sink: PairSink): void {
  const at = b.ref
  const effect = typesEffect(a.types, b.types)
  if (effect !== undefined) {
    const change = { kind: 'type-changed', path: [], before: a, after: b, at, effect } as const
    const beforeTypes = withoutNull(a.types)
    const afterTypes = withoutNull(b.types)
    sink.change({
      ...change,
      ...(beforeTypes === undefined ? {} : { beforeTypes }),
      ...(afterTypes === undefined ? {} : { afterTypes }),
    })
  }
  const nullable = isNullable(b.types)
  if (isNullable(a.types) !== nullable) sink.change({ kind: 'nullable-changed', path: [], before: a, after: b, at, nullable })
}

/** Values added to and removed from one list (`enum`, or `x-extensible-enum` when `extensible`). */
function compareValues(a: Schema, b: Schema, sink: PairSink, extensible: boolean): void {
  const base = { path: [], before: a, after: b, at: b.ref, extensible } as const
  const before = new Map((extensible ? a.extensibleEnum : a.enum)?.map((value) => [canonicalJson(value), value]))
  const after = new Map((extensible ? b.extensibleEnum : b.enum)?.map((value) => [canonicalJson(value), value]))
  for (const key of [...before.keys()].sort()) {
    if (!after.has(key)) sink.change({ ...base, kind: 'enum-value-removed', value: before.get(key) })
  }
  for (const key of [...after.keys()].sort()) {
    if (!before.has(key)) sink.change({ ...base, kind: 'enum-value-added', value: after.get(key) })
  }
}

/**
 * `enum` (and `const`) values; an enum appearing or going is one change. `x-extensible-enum` lists
 * the values known today of an open set: only its values are compared, each change marked
 * `extensible` (an extensible list appearing or going restricts nothing, so it is no change).
 */
function compareEnums(a: Schema, b: Schema, sink: PairSink): void {
  const base = { path: [], before: a, after: b, at: b.ref } as const
  if (a.enum === undefined && b.enum !== undefined) sink.change({ ...base, kind: 'enum-added' })
  else if (a.enum !== undefined && b.enum === undefined) sink.change({ ...base, kind: 'enum-removed' })
  else if (a.enum !== undefined) compareValues(a, b, sink, false)
  if (a.extensibleEnum !== undefined && b.extensibleEnum !== undefined) compareValues(a, b, sink, true)
}

function compareBounds(a: Schema, b: Schema, sink: PairSink): void {
  for (const keyword of boundKeywords) {
    const from = a.bounds[keyword]
    const to = b.bounds[keyword]
    const effect = boundEffect(keyword, from, to)
    if (effect === undefined) continue
    sink.change({
      kind: 'bound-changed',
      path: [],
      before: a,
      after: b,
      at: b.ref,
      keyword,
      effect,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    })
  }
}

/** A mapping target without its file, so a target in a moved file is the same target. */
function pointerPart(target: string): string {
  const hash = target.indexOf('#')
  return hash < 0 ? target : target.slice(hash)
}

function compareDiscriminators(a: Schema, b: Schema, sink: PairSink): void {
  const base = { kind: 'discriminator-changed', path: [], before: a, after: b, at: b.ref } as const
  const from = a.discriminator
  const to = b.discriminator
  if (from === undefined && to === undefined) return
  if (from === undefined) return sink.change({ ...base, detail: 'added' })
  if (to === undefined) return sink.change({ ...base, detail: 'removed' })
  if (from.propertyName !== to.propertyName) sink.change({ ...base, detail: 'property', value: to.propertyName })
  const values = [...new Set([...from.mapping.keys(), ...to.mapping.keys()])].sort()
  for (const value of values) {
    const target = from.mapping.get(value)
    const next = to.mapping.get(value)
    if (target === undefined) sink.change({ ...base, detail: 'mapping-added', value })
    else if (next === undefined) sink.change({ ...base, detail: 'mapping-removed', value })
    else if (pointerPart(target) !== pointerPart(next)) {
      sink.change({ ...base, detail: 'mapping-changed', value })
    }
  }
}

/**
 * `not`, the `allOf` members the loader could not merge, and the keywords the model keeps as text
 * (`if`/`then`/`else`, `contains`, `patternProperties`…): compared only for equality, each keyword
 * that differs reported once.
 */
function compareUncomparable(a: Schema, b: Schema, sink: PairSink): void {
  const base = { kind: 'schema-uncomparable', path: [], before: a, after: b, at: b.ref } as const
  if (a.opaque !== undefined || b.opaque !== undefined) {
    const keywords = new Set([...(a.opaque?.keys() ?? []), ...(b.opaque?.keys() ?? [])])
    for (const keyword of [...keywords].sort()) {
      if (a.opaque?.get(keyword) !== b.opaque?.get(keyword)) sink.change({ ...base, keyword })
    }
  }
  const notSame = a.not === undefined || b.not === undefined ? a.not !== b.not : !sink.sameShape(a.not, b.not)
  if (notSame) sink.change({ ...base, keyword: 'not' })
  const allA = a.allOf ?? []
  const allB = b.allOf ?? []
  const allSame = allA.length === allB.length && allA.every((member, i) => sink.sameShape(member, allB[i] as Schema))
  if (!allSame) sink.change({ ...base, keyword: 'allOf' })
}

/**
 * Compares the keywords of one schema pair that constrain values (type, format, enum, pattern,
 * bounds, uniqueItems) or describe them (readOnly, writeOnly, deprecated, default, discriminator).
 * With `valuesToo` false only the descriptive ones are compared (the types share no value, so
 * value keywords of one type say nothing about the other).
 */
export function compareKeywords(a: Schema, b: Schema, sink: PairSink, valuesToo: boolean): void {
  const base = { path: [], before: a, after: b, at: b.ref } as const
  if (valuesToo) {
    const format = formatEffect(a.format, b.format)
    if (format !== undefined) sink.change({ ...base, kind: 'format-changed', effect: format })
    compareEnums(a, b, sink)
    if (a.pattern !== b.pattern) {
      const effect = a.pattern === undefined ? 'narrowed' : b.pattern === undefined ? 'widened' : 'changed'
      sink.change({ ...base, kind: 'pattern-changed', effect })
    }
    compareBounds(a, b, sink)
    const unique = restrictingFlagEffect(a.uniqueItems, b.uniqueItems)
    if (unique !== undefined) sink.change({ ...base, kind: 'unique-items-changed', effect: unique })
  }
  if (a.readOnly !== b.readOnly) sink.change({ ...base, kind: 'read-only-changed', value: b.readOnly })
  if (a.writeOnly !== b.writeOnly) sink.change({ ...base, kind: 'write-only-changed', value: b.writeOnly })
  if (a.deprecated !== b.deprecated) sink.change({ ...base, kind: 'deprecated-changed', value: b.deprecated })
  const defaultA = a.hasDefault ? canonicalJson(a.default) : undefined
  const defaultB = b.hasDefault ? canonicalJson(b.default) : undefined
  if (defaultA !== defaultB) sink.change({ ...base, kind: 'default-changed' })
  compareDiscriminators(a, b, sink)
  if (valuesToo) compareUncomparable(a, b, sink)
}
