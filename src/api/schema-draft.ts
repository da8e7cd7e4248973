import type { SourceRef } from '../core/source-ref.js'
import type { BoundKeyword, Discriminator, JsonType, Schema } from './model.js'

/** A `Schema` while it is built: the same shape, writable. Finished drafts are handed out as `Schema`. */
export interface SchemaDraft {
  id: number
  ref: SourceRef
  name?: string
  types?: ReadonlySet<JsonType>
  format?: string
  enum?: ReadonlyArray<unknown>
  pattern?: string
  bounds: Partial<Record<BoundKeyword, number>>
  uniqueItems: boolean
  properties: ReadonlyMap<string, Schema>
  required: ReadonlySet<string>
  additionalProperties: boolean | Schema
  items?: Schema
  prefixItems?: ReadonlyArray<Schema>
  oneOf?: ReadonlyArray<Schema>
  anyOf?: ReadonlyArray<Schema>
  allOf?: ReadonlyArray<Schema>
  not?: Schema
  discriminator?: Discriminator
  readOnly: boolean
  writeOnly: boolean
  deprecated: boolean
  hasDefault: boolean
  default?: unknown
}

const noProperties: ReadonlyMap<string, Schema> = new Map()
const noNames: ReadonlySet<string> = new Set()

/** An unconstrained schema (any value). Collections start as shared empty ones: replace, never mutate. */
export function newDraft(id: number, ref: SourceRef, name?: string): SchemaDraft {
  const draft: SchemaDraft = {
    id,
    ref,
    bounds: {},
    uniqueItems: false,
    properties: noProperties,
    required: noNames,
    additionalProperties: true,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    hasDefault: false,
  }
  if (name !== undefined) draft.name = name
  return draft
}

/** Whether a schema constrains nothing at all (`{}`, `true`). */
export function isUnconstrained(schema: Schema): boolean {
  return (
    schema.types === undefined &&
    schema.format === undefined &&
    schema.enum === undefined &&
    schema.pattern === undefined &&
    Object.keys(schema.bounds).length === 0 &&
    !schema.uniqueItems &&
    schema.properties.size === 0 &&
    schema.required.size === 0 &&
    schema.additionalProperties === true &&
    schema.items === undefined &&
    schema.prefixItems === undefined &&
    schema.oneOf === undefined &&
    schema.anyOf === undefined &&
    schema.allOf === undefined &&
    schema.not === undefined &&
    schema.discriminator === undefined &&
    !schema.readOnly &&
    !schema.writeOnly &&
    !schema.deprecated &&
    !schema.hasDefault
  )
}

/** Whether a schema is exactly `{ type: 'null' }` (a union's null branch). */
export function isNullOnly(schema: Schema): boolean {
  if (schema.types?.size !== 1 || !schema.types.has('null')) return false
  return isUnconstrained({ ...schema, types: undefined } as Schema)
}

/** Adds `null` to the allowed types; `undefined` (any type) already allows it. */
export function withNull(types: ReadonlySet<JsonType> | undefined): ReadonlySet<JsonType> | undefined {
  if (types === undefined || types.has('null')) return types
  return new Set([...types, 'null'])
}
