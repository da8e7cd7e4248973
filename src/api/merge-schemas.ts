import { canonicalJson } from './canonical-json.js'
import type { BoundKeyword, JsonType, Schema } from './model.js'
import { assignDraft, newDraft, typeSet, type SchemaDraft } from './schema-draft.js'

/** What merging needs from the builder: fresh ids, and which schemas are still being built. */
export interface MergeContext {
  nextId(): number
  isBuilding(schema: Schema): boolean
}

const lowerBounds: ReadonlyArray<BoundKeyword> = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties']
const upperBounds: ReadonlyArray<BoundKeyword> = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties']

/**
 * The meet of two schemas (a value must satisfy both) as one schema, when that is exact: property
 * sets unioned, required unioned, types intersected, the tightest bounds. `undefined` when it is
 * not (two patterns, conflicting formats, `additionalProperties` that would change meaning, two
 * unions…), or when either is still being built (a cycle through `allOf`). The result keeps `a`'s
 * id, place and name, so an `allOf` owner stays the one schema for its definition.
 *
 * @example
 * mergeSchemas(pet, { ...extra }, context) // pet's properties plus extra's, or undefined
 */
export function mergeSchemas(a: Schema, b: Schema, context: MergeContext, seen = new Map<string, Schema>()): SchemaDraft | undefined {
  if (context.isBuilding(b)) return undefined
  const merged = newDraft(a.id, a.ref, a.name)
  const types = intersectTypes(a.types, b.types)
  if (types !== undefined && types.size === 0) return undefined
  merged.types = types
  if (!pickSame(merged, 'format', a.format, b.format)) return undefined
  if (!pickSame(merged, 'pattern', a.pattern, b.pattern)) return undefined
  if (a.enum !== undefined && b.enum !== undefined) {
    const keys = new Set(b.enum.map((value) => JSON.stringify(value)))
    const common = a.enum.filter((value) => keys.has(JSON.stringify(value)))
    if (common.length === 0) return undefined
    merged.enum = common
  } else merged.enum = a.enum ?? b.enum
  const bounds = mergeBounds(a.bounds, b.bounds)
  if (bounds === undefined) return undefined
  merged.bounds = bounds
  merged.uniqueItems = a.uniqueItems || b.uniqueItems
  if (!mergeObjectShape(merged, a, b, context, seen)) return undefined
  merged.required = a.required.size === 0 ? b.required : b.required.size === 0 ? a.required : new Set([...a.required, ...b.required])
  if (a.items !== undefined && b.items !== undefined && a.items !== b.items) {
    const items = mergeNested(a.items, b.items, context, seen)
    if (items === undefined) return undefined
    merged.items = items
  } else merged.items = a.items ?? b.items
  for (const key of ['prefixItems', 'oneOf', 'anyOf', 'not', 'discriminator'] as const) {
    if (!pickSame(merged, key, a[key], b[key])) return undefined
  }
  if (a.allOf !== undefined || b.allOf !== undefined) merged.allOf = [...(a.allOf ?? []), ...(b.allOf ?? [])]
  merged.readOnly = a.readOnly || b.readOnly
  merged.writeOnly = a.writeOnly || b.writeOnly
  merged.deprecated = a.deprecated || b.deprecated
  const withDefault = a.hasDefault ? a : b.hasDefault ? b : undefined
  if (withDefault !== undefined) {
    merged.hasDefault = true
    merged.default = withDefault.default
  }
  if (!mergeUninterpreted(merged, a, b)) return undefined
  return merged
}

/**
 * The keywords the model does not interpret merge only when at most one side constrains each (or
 * both say the same); renames are annotations and are unioned.
 */
function mergeUninterpreted(merged: SchemaDraft, a: Schema, b: Schema): boolean {
  if (a.opaque !== undefined && b.opaque !== undefined) {
    for (const [keyword, text] of b.opaque) {
      const other = a.opaque.get(keyword)
      if (other !== undefined && other !== text) return false
    }
    merged.opaque = new Map([...a.opaque, ...b.opaque])
  } else merged.opaque = a.opaque ?? b.opaque
  if (a.extensibleEnum !== undefined && b.extensibleEnum !== undefined) {
    if (canonicalJson(a.extensibleEnum) !== canonicalJson(b.extensibleEnum)) return false
  }
  merged.extensibleEnum = a.extensibleEnum ?? b.extensibleEnum
  merged.renamedFrom = a.renamedFrom === undefined || b.renamedFrom === undefined ? (a.renamedFrom ?? b.renamedFrom) : new Map([...b.renamedFrom, ...a.renamedFrom])
  return true
}

/** Takes whichever of two values is defined; both defined must be the same (by identity). */
function pickSame<K extends keyof SchemaDraft>(target: SchemaDraft, key: K, a: SchemaDraft[K], b: SchemaDraft[K]): boolean {
  if (a !== undefined && b !== undefined && a !== b) return false
  target[key] = (a ?? b) as SchemaDraft[K]
  return true
}

function intersectTypes(
  a: ReadonlySet<JsonType> | undefined,
  b: ReadonlySet<JsonType> | undefined,
): ReadonlySet<JsonType> | undefined {
  if (a === undefined || a === b) return b
  if (b === undefined) return a
  const common: JsonType[] = []
  for (const type of a) {
    if (b.has(type) || (type === 'integer' && b.has('number'))) common.push(type)
  }
  if (a.has('number') && b.has('integer')) common.push('integer')
  return typeSet(common)
}

function mergeBounds(
  a: Partial<Record<BoundKeyword, number>>,
  b: Partial<Record<BoundKeyword, number>>,
): Partial<Record<BoundKeyword, number>> | undefined {
  if (Object.keys(b).length === 0) return a
  if (Object.keys(a).length === 0) return b
  const bounds: Partial<Record<BoundKeyword, number>> = { ...a }
  for (const [key, value] of Object.entries(b) as Array<[BoundKeyword, number]>) {
    const current = bounds[key]
    if (current === undefined) bounds[key] = value
    else if (lowerBounds.includes(key)) bounds[key] = Math.max(current, value)
    else if (upperBounds.includes(key)) bounds[key] = Math.min(current, value)
    else if (current !== value) return undefined // multipleOf
  }
  return bounds
}

/**
 * Properties and `additionalProperties`. A member that closes its object (`additionalProperties`
 * other than true) only merges when the other member's properties are all among its own, since
 * those it does not list are constrained by it.
 */
function mergeObjectShape(merged: SchemaDraft, a: Schema, b: Schema, context: MergeContext, seen: Map<string, Schema>): boolean {
  const aClosed = a.additionalProperties !== true
  const bClosed = b.additionalProperties !== true
  if (aClosed && bClosed && a.additionalProperties !== b.additionalProperties) return false
  if (aClosed && [...b.properties.keys()].some((name) => !a.properties.has(name))) return false
  if (bClosed && [...a.properties.keys()].some((name) => !b.properties.has(name))) return false
  merged.additionalProperties = aClosed ? a.additionalProperties : b.additionalProperties
  if (b.properties.size === 0) merged.properties = a.properties
  else if (a.properties.size === 0) merged.properties = b.properties
  else {
    const properties = new Map(a.properties)
    for (const [name, schema] of b.properties) {
      const existing = properties.get(name)
      if (existing === undefined || existing === schema) {
        properties.set(name, schema)
        continue
      }
      const both = mergeNested(existing, schema, context, seen)
      if (both === undefined) return false
      properties.set(name, both)
    }
    merged.properties = properties
  }
  return true
}

/** Merges two sub-schemas into a new schema; a pair met again (recursive shapes) reuses its result. */
function mergeNested(a: Schema, b: Schema, context: MergeContext, seen: Map<string, Schema>): Schema | undefined {
  if (context.isBuilding(a)) return undefined
  const key = `${a.id},${b.id}`
  const known = seen.get(key)
  if (known !== undefined) return known
  const placeholder = newDraft(context.nextId(), a.ref)
  seen.set(key, placeholder)
  const merged = mergeSchemas(a, b, context, seen)
  if (merged === undefined) return undefined
  const id = placeholder.id
  assignDraft(placeholder, merged)
  placeholder.id = id
  placeholder.name = undefined
  return placeholder
}
