import type { JsonType, Schema } from '../../api/model.js'
import { propertyKey, quote } from './names.js'

/** How a type refers to a named schema; `undefined` writes the schema inline. */
export type NameOf = (schema: Schema) => string | undefined

const typeOrder: ReadonlyArray<JsonType> = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']

function literal(value: unknown): string | undefined {
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean' || value === null) return String(value)
  return undefined
}

function unionOf(parts: ReadonlyArray<string>): string {
  const unique = [...new Set(parts)]
  if (unique.includes('unknown')) return 'unknown'
  return unique.length === 0 ? 'never' : unique.join(' | ')
}

function paren(text: string): string {
  return /^[A-Za-z_$][\w$.]*$/.test(text) ? text : `(${text})`
}

function hasObjectShape(schema: Schema): boolean {
  return schema.properties.size > 0 || typeof schema.additionalProperties !== 'boolean' || schema.required.size > 0
}

/** The members of an object type: properties, then an index signature when the schema has one. */
export function objectMembers(schema: Schema, nameOf: NameOf): ReadonlyArray<{ readonly key: string; readonly optional: boolean; readonly type: string }> {
  const members: Array<{ key: string; optional: boolean; type: string }> = []
  for (const [name, property] of schema.properties) {
    members.push({ key: propertyKey(name), optional: !schema.required.has(name), type: typeText(property, nameOf) })
  }
  const extra = schema.additionalProperties
  if (typeof extra !== 'boolean') {
    // Declared properties must fit the index signature; `unknown` is the one type they all fit.
    const value = schema.properties.size === 0 ? typeText(extra, nameOf) : 'unknown'
    members.push({ key: '[key: string]', optional: false, type: value })
  } else if (schema.properties.size === 0) {
    members.push({ key: '[key: string]', optional: false, type: extra ? 'unknown' : 'never' })
  }
  return members
}

function objectType(schema: Schema, nameOf: NameOf): string {
  const members = objectMembers(schema, nameOf).map((m) => `${m.key}${m.optional ? '?' : ''}: ${m.type}`)
  return `{ ${members.join('; ')} }`
}

function arrayType(schema: Schema, nameOf: NameOf): string {
  const rest = schema.items === undefined ? 'unknown' : typeText(schema.items, nameOf)
  if (schema.prefixItems === undefined) return `Array<${rest}>`
  const fixed = schema.prefixItems.map((item) => typeText(item, nameOf))
  return `[${[...fixed.map((text) => `${text}?`), `...Array<${rest}>`].join(', ')}]`
}

function baseType(schema: Schema, nameOf: NameOf): string | undefined {
  if (schema.enum !== undefined) {
    const literals = schema.enum.map(literal)
    if (literals.every((text) => text !== undefined)) return unionOf(literals as string[])
  }
  const types = schema.types
  if (types === undefined) {
    if (hasObjectShape(schema)) return objectType(schema, nameOf)
    if (schema.items !== undefined || schema.prefixItems !== undefined) return arrayType(schema, nameOf)
    return undefined
  }
  const parts: string[] = []
  for (const type of typeOrder) {
    if (!types.has(type)) continue
    if (type === 'integer' || type === 'number') parts.push('number')
    else if (type === 'object') parts.push(objectType(schema, nameOf))
    else if (type === 'array') parts.push(arrayType(schema, nameOf))
    else parts.push(type)
  }
  return unionOf(parts)
}

/**
 * TypeScript source for a schema on one line: named schemas by name (unless `top`), others inline.
 *
 * @example
 * typeText(petSchema, nameOf, true) // '{ id: number; tag?: string }'
 */
export function typeText(schema: Schema, nameOf: NameOf, top = false): string {
  if (!top) {
    const name = nameOf(schema)
    if (name !== undefined) return name
  }
  const parts: string[] = []
  const base = baseType(schema, nameOf)
  if (base !== undefined) parts.push(base)
  for (const member of schema.allOf ?? []) parts.push(typeText(member, nameOf))
  const branches = schema.oneOf ?? schema.anyOf
  if (branches !== undefined && branches.length > 0) {
    parts.push(unionOf(branches.map((branch) => typeText(branch, nameOf))))
  }
  const meaningful = parts.filter((part) => part !== 'unknown')
  if (meaningful.length === 0) return 'unknown'
  if (meaningful.length === 1) return meaningful[0] as string
  return meaningful.map(paren).join(' & ')
}
