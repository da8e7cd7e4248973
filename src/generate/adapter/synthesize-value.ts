import type { JsonType, Schema } from '../../api/model.js'

const formats: Readonly<Record<string, string>> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00Z',
  email: 'user@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'AA==',
}

const typeOrder: ReadonlyArray<JsonType> = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null']

function text(schema: Schema): string {
  const base = schema.format === undefined ? 'text' : (formats[schema.format] ?? 'text')
  const min = schema.bounds.minLength ?? 0
  const max = schema.bounds.maxLength ?? Number.POSITIVE_INFINITY
  const padded = base.length >= min ? base : base + 'x'.repeat(min - base.length)
  return padded.length <= max ? padded : padded.slice(0, max)
}

function number(schema: Schema, integer: boolean): number {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema.bounds
  let value = minimum ?? (exclusiveMinimum !== undefined ? exclusiveMinimum + 1 : 1)
  if (maximum !== undefined && value > maximum) value = maximum
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) value = exclusiveMaximum - 1
  if (multipleOf !== undefined && multipleOf > 0) value = Math.ceil(value / multipleOf) * multipleOf
  return integer ? Math.ceil(value) : value
}

/**
 * A value of a schema for the generated tests: the default or first enum value where there is
 * one, else one of the first type the schema allows, with every property filled (optional ones
 * too, so converters of optional properties run) down to a depth that ends recursion.
 *
 * @example
 * synthesizeValue(petSchema) // { id: 1, name: 'text', tags: [{ label: 'text' }] }
 */
export function synthesizeValue(schema: Schema, depth = 0, path: ReadonlyArray<Schema> = []): unknown {
  if (schema.hasDefault) return schema.default
  const firstEnum = schema.enum?.find((value) => value !== null) ?? schema.enum?.[0]
  if (schema.enum !== undefined && schema.enum.length > 0) return firstEnum
  const inner = [...path, schema]
  const branch = schema.oneOf?.[0] ?? schema.anyOf?.[0]
  const parts = [...(schema.allOf ?? []), ...(branch === undefined ? [] : [branch])]
  const type = typeOrder.find((candidate) => schema.types === undefined || schema.types.has(candidate))
  const objectLike = schema.properties.size > 0 || (schema.types?.has('object') ?? false)
  if (parts.length > 0 && (schema.types === undefined || objectLike)) {
    const merged: Record<string, unknown> = {}
    for (const part of parts) {
      const value = synthesizeValue(part, depth, inner)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return schema.properties.size === 0 ? value : merged
      Object.assign(merged, value)
    }
    return Object.assign(merged, objectOf(schema, depth, inner))
  }
  if (schema.types === undefined && schema.properties.size > 0) return objectOf(schema, depth, inner)
  switch (type) {
    case 'object':
      return objectOf(schema, depth, inner)
    case 'array': {
      if (schema.prefixItems !== undefined) return schema.prefixItems.map((item) => synthesizeValue(item, depth + 1, inner))
      const count = Math.max(1, schema.bounds.minItems ?? 0)
      if (schema.items === undefined) return Array.from({ length: count }, () => 'text')
      // An array of what holds it (a tree): empty, so the value ends.
      if (depth > 4 || path.includes(schema.items)) return []
      const item = synthesizeValue(schema.items, depth + 1, inner)
      return Array.from({ length: count }, () => item)
    }
    case 'string':
      return text(schema)
    case 'integer':
      return number(schema, true)
    case 'number':
      return number(schema, false)
    case 'boolean':
      return true
    case 'null':
      return null
    default:
      return schema.types === undefined ? 'text' : null
  }
}

function objectOf(schema: Schema, depth: number, path: ReadonlyArray<Schema>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, property] of schema.properties) {
    const required = schema.required.has(name)
    const recursive = path.includes(property)
    if (!required && (recursive || depth > 3 || property.readOnly || property.writeOnly)) continue
    if (required && recursive && depth > 6) continue
    out[name] = synthesizeValue(property, depth + 1, path)
  }
  return out
}
