import type { SourceRef } from '../core/source-ref.js'
import type { BoundKeyword, Discriminator, JsonType, Schema } from './model.js'
import { isUnconstrained as allowsEveryValue } from './schema-refs.js'

/** A `Schema` while it is built: the same shape, writable. Finished drafts are handed out as `Schema`. */
export interface SchemaDraft {
  id: number
  ref: SourceRef
  name: string | undefined
  types: ReadonlySet<JsonType> | undefined
  format: string | undefined
  enum: ReadonlyArray<unknown> | undefined
  pattern: string | undefined
  bounds: Partial<Record<BoundKeyword, number>>
  uniqueItems: boolean
  properties: ReadonlyMap<string, Schema>
  required: ReadonlySet<string>
  additionalProperties: boolean | Schema
  items: Schema | undefined
  prefixItems: ReadonlyArray<Schema> | undefined
  oneOf: ReadonlyArray<Schema> | undefined
  anyOf: ReadonlyArray<Schema> | undefined
  allOf: ReadonlyArray<Schema> | undefined
  not: Schema | undefined
  discriminator: Discriminator | undefined
  readOnly: boolean
  writeOnly: boolean
  deprecated: boolean
  hasDefault: boolean
  default: unknown
  opaque: ReadonlyMap<string, string> | undefined
  extensibleEnum: ReadonlyArray<unknown> | undefined
  renamedFrom: ReadonlyMap<string, string> | undefined
}

const noBounds: Partial<Record<BoundKeyword, number>> = Object.freeze({})
const noProperties: ReadonlyMap<string, Schema> = new Map()
const noNames: ReadonlySet<string> = new Set()

/**
 * An unconstrained schema (any value). Every field is present from the start, in one order, so all
 * schemas share one hidden class (property reads in the diff stay monomorphic); absent optional
 * fields are `undefined`, never deleted. Collections start as shared empty ones: replace, never mutate.
 */
export function newDraft(id: number, ref: SourceRef, name?: string): SchemaDraft {
  return {
    id,
    ref,
    name,
    types: undefined,
    format: undefined,
    enum: undefined,
    pattern: undefined,
    bounds: noBounds,
    uniqueItems: false,
    properties: noProperties,
    required: noNames,
    additionalProperties: true,
    items: undefined,
    prefixItems: undefined,
    oneOf: undefined,
    anyOf: undefined,
    allOf: undefined,
    not: undefined,
    discriminator: undefined,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    hasDefault: false,
    default: undefined,
    opaque: undefined,
    extensibleEnum: undefined,
    renamedFrom: undefined,
  }
}

/** Copies every field of `from` onto `to` (same shape, so no hidden-class change). */
export function assignDraft(to: SchemaDraft, from: SchemaDraft): void {
  to.id = from.id
  to.ref = from.ref
  to.name = from.name
  to.types = from.types
  to.format = from.format
  to.enum = from.enum
  to.pattern = from.pattern
  to.bounds = from.bounds
  to.uniqueItems = from.uniqueItems
  to.properties = from.properties
  to.required = from.required
  to.additionalProperties = from.additionalProperties
  to.items = from.items
  to.prefixItems = from.prefixItems
  to.oneOf = from.oneOf
  to.anyOf = from.anyOf
  to.allOf = from.allOf
  to.not = from.not
  to.discriminator = from.discriminator
  to.readOnly = from.readOnly
  to.writeOnly = from.writeOnly
  to.deprecated = from.deprecated
  to.hasDefault = from.hasDefault
  to.default = from.default
  to.opaque = from.opaque
  to.extensibleEnum = from.extensibleEnum
  to.renamedFrom = from.renamedFrom
}

/**
 * Whether a schema constrains nothing at all (`{}`, `true`): it allows every value (schema-refs'
 * `isUnconstrained`, which the diff uses) and carries no other keyword either.
 */
export function isUnconstrained(schema: Schema): boolean {
  return (
    allowsEveryValue(schema) &&
    !schema.uniqueItems &&
    schema.discriminator === undefined &&
    !schema.readOnly &&
    !schema.writeOnly &&
    !schema.deprecated &&
    !schema.hasDefault &&
    schema.opaque === undefined &&
    schema.extensibleEnum === undefined
  )
}

/** Whether a schema is exactly `{ type: 'null' }` (a union's null branch). */
export function isNullOnly(schema: Schema): boolean {
  if (schema.types?.size !== 1 || !schema.types.has('null')) return false
  const draft = newDraft(0, schema.ref)
  assignDraft(draft, schema as SchemaDraft)
  draft.types = undefined
  return isUnconstrained(draft)
}

const typeSets = new Map<string, ReadonlySet<JsonType>>()

/** One shared set per combination of types (schemas never mutate them), so most schemas allocate none. */
export function typeSet(types: ReadonlyArray<JsonType>): ReadonlySet<JsonType> {
  const key = types.length === 1 ? (types[0] as string) : [...new Set(types)].sort().join(',')
  let set = typeSets.get(key)
  if (set === undefined) {
    set = new Set(types)
    typeSets.set(key, set)
  }
  return set
}

const withNullSets = new Map<ReadonlySet<JsonType>, ReadonlySet<JsonType>>()

/** Adds `null` to the allowed types; `undefined` (any type) already allows it. */
export function withNull(types: ReadonlySet<JsonType> | undefined): ReadonlySet<JsonType> | undefined {
  if (types === undefined || types.has('null')) return types
  let nullable = withNullSets.get(types)
  if (nullable === undefined) {
    nullable = typeSet([...types, 'null'])
    withNullSets.set(types, nullable)
  }
  return nullable
}
