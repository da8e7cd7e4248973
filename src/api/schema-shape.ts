import type { Schema } from './model.js'

/**
 * A plain, JSON-ready picture of a canonical schema without ids and places, for tests and debugging:
 * two schemas that mean the same have equal shapes. Defaults are left out; a schema met again on the
 * way down (a cycle) is shown as `{ cycle: name-or-id }`.
 *
 * @example
 * schemaShape(pet) // { types: ['object'], properties: { name: { types: ['string'] } }, required: ['name'] }
 */
export function schemaShape(schema: Schema, path: ReadonlySet<Schema> = new Set()): unknown {
  if (path.has(schema)) return { cycle: schema.name ?? schema.id }
  const inner = new Set(path).add(schema)
  const shape = (s: Schema): unknown => schemaShape(s, inner)
  const out: Record<string, unknown> = {}
  if (schema.types !== undefined) out.types = [...schema.types].sort()
  if (schema.format !== undefined) out.format = schema.format
  if (schema.enum !== undefined) out.enum = schema.enum
  if (schema.pattern !== undefined) out.pattern = schema.pattern
  if (Object.keys(schema.bounds).length > 0) out.bounds = Object.fromEntries(Object.entries(schema.bounds).sort())
  if (schema.uniqueItems) out.uniqueItems = true
  if (schema.properties.size > 0) {
    out.properties = Object.fromEntries([...schema.properties].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]))
  }
  if (schema.required.size > 0) out.required = [...schema.required].sort()
  if (schema.additionalProperties !== true) {
    out.additionalProperties = schema.additionalProperties === false ? false : shape(schema.additionalProperties)
  }
  if (schema.items !== undefined) out.items = shape(schema.items)
  for (const key of ['prefixItems', 'oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key]
    if (list !== undefined) out[key] = list.map(shape)
  }
  if (schema.not !== undefined) out.not = shape(schema.not)
  if (schema.discriminator !== undefined) {
    out.discriminator = { propertyName: schema.discriminator.propertyName, mapping: Object.fromEntries(schema.discriminator.mapping) }
  }
  for (const key of ['readOnly', 'writeOnly', 'deprecated'] as const) if (schema[key]) out[key] = true
  if (schema.hasDefault) out.default = schema.default
  if (schema.opaque !== undefined) out.opaque = Object.fromEntries([...schema.opaque].sort(([a], [b]) => (a < b ? -1 : 1)))
  if (schema.extensibleEnum !== undefined) out.extensibleEnum = schema.extensibleEnum
  return out
}
