import type { SchemaBuilder } from './build-schema.js'
import type { DocumentSet, Node } from './document-set.js'
import { fragmentPointer } from './json-pointer.js'
import type { BoundKeyword, JsonType, Schema } from './model.js'
import { isUnconstrained, type SchemaDraft } from './schema-draft.js'

/** A schema's own keywords, before `allOf` members are merged in. */
export interface Keywords {
  readonly own: Partial<SchemaDraft>
  readonly allOf: ReadonlyArray<Schema>
  /** 3.0 `nullable: true` or Swagger `x-nullable: true`. */
  readonly nullable: boolean
}

const jsonTypes = new Set<string>(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'])
const plainBounds: ReadonlyArray<BoundKeyword> = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties', 'multipleOf']

/**
 * Reads the keywords of one schema object (checking the shapes the model relies on, with the place
 * of anything malformed) and builds its sub-schemas. Annotations are skipped.
 */
export function readKeywords(docs: DocumentSet, node: Node, schemas: SchemaBuilder, parameter: boolean): Keywords {
  const o = node.value
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw docs.error(node, 'a schema must be an object')
  const value = o as Record<string, unknown>
  const at = (key: string): Node => docs.child(node, key)
  const sub = (child: Node): Schema => schemas.build(child)
  const list = (key: string): Schema[] | undefined => {
    const entries = value[key]
    if (entries === undefined) return undefined
    if (!Array.isArray(entries)) throw docs.error(at(key), 'must be an array of schemas')
    return entries.map((_, i) => sub(docs.child(at(key), i)))
  }
  const own: Partial<SchemaDraft> = {}
  const types = readTypes(docs, at('type'), schemas.version)
  if (types !== undefined) own.types = types
  if (value.type === 'file') own.format = 'binary'
  if (typeof value.format === 'string' && own.format === undefined) own.format = value.format
  if (typeof value.pattern === 'string') own.pattern = value.pattern
  if (value.enum !== undefined) {
    if (!Array.isArray(value.enum)) throw docs.error(at('enum'), 'must be an array')
    own.enum = value.enum
  }
  if (value.const !== undefined) own.enum = [value.const]
  own.bounds = readBounds(docs, node, value)
  if (value.uniqueItems === true) own.uniqueItems = true
  if (value.properties !== undefined) {
    const properties = docs.deref(at('properties'))
    const names = properties.value
    if (typeof names !== 'object' || names === null || Array.isArray(names)) throw docs.error(properties, 'must be an object')
    own.properties = new Map(Object.keys(names).map((name) => [name, sub(docs.child(properties, name))]))
  }
  if (!parameter && value.required !== undefined) {
    if (!Array.isArray(value.required) || value.required.some((name) => typeof name !== 'string')) {
      throw docs.error(at('required'), 'must be an array of property names')
    }
    if (value.required.length > 0) own.required = new Set(value.required as string[])
  }
  if (value.additionalProperties === false) own.additionalProperties = false
  else if (typeof value.additionalProperties === 'object' && value.additionalProperties !== null) {
    const extra = sub(at('additionalProperties'))
    own.additionalProperties = isUnconstrained(extra) ? true : extra
  }
  if (Array.isArray(value.items)) own.prefixItems = list('items')
  else if (value.items !== undefined) own.items = sub(at('items'))
  if (value.prefixItems !== undefined) own.prefixItems = list('prefixItems')
  const oneOf = list('oneOf')
  if (oneOf !== undefined) own.oneOf = oneOf
  const anyOf = list('anyOf')
  if (anyOf !== undefined) own.anyOf = anyOf
  if (value.not !== undefined) own.not = sub(at('not'))
  const discriminator = readDiscriminator(docs, at('discriminator'))
  if (discriminator !== undefined) own.discriminator = discriminator
  if (value.readOnly === true) own.readOnly = true
  if (value.writeOnly === true) own.writeOnly = true
  if (value.deprecated === true) own.deprecated = true
  if (Object.hasOwn(value, 'default')) {
    own.hasDefault = true
    own.default = value.default
  }
  const nullable = (schemas.version !== '3.1' && value.nullable === true) || value['x-nullable'] === true
  return { own, allOf: list('allOf') ?? [], nullable }
}

function readTypes(docs: DocumentSet, node: Node, version: string): ReadonlySet<JsonType> | undefined {
  const type = node.value
  if (type === undefined) return undefined
  const names = Array.isArray(type) ? type : [type]
  const types = new Set<JsonType>()
  for (const name of names) {
    if (name === 'file' && version === '2.0') types.add('string')
    else if (typeof name === 'string' && jsonTypes.has(name)) types.add(name as JsonType)
    else throw docs.error(node, `${JSON.stringify(name)} is not a type`)
  }
  return types
}

function readBounds(docs: DocumentSet, node: Node, value: Record<string, unknown>): Partial<Record<BoundKeyword, number>> {
  const bounds: Partial<Record<BoundKeyword, number>> = {}
  const number = (key: string): number | undefined => {
    const n = value[key]
    if (n === undefined) return undefined
    if (typeof n !== 'number') throw docs.error(docs.child(node, key), 'must be a number')
    return n
  }
  for (const key of plainBounds) {
    const n = number(key)
    if (n !== undefined) bounds[key] = n
  }
  for (const [bound, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    const limit = number(bound)
    const flag = value[exclusive]
    if (typeof flag === 'boolean') {
      if (limit !== undefined) bounds[flag ? exclusive : bound] = limit // 2.0/3.0: a flag on the limit
    } else {
      if (limit !== undefined) bounds[bound] = limit
      const exclusiveLimit = number(exclusive)
      if (exclusiveLimit !== undefined) bounds[exclusive] = exclusiveLimit
    }
  }
  return bounds
}

function readDiscriminator(docs: DocumentSet, node: Node): SchemaDraft['discriminator'] {
  const value = node.value
  if (value === undefined) return undefined
  if (typeof value === 'string') return { propertyName: value, mapping: new Map() } // Swagger 2
  if (typeof value !== 'object' || value === null || typeof (value as { propertyName?: unknown }).propertyName !== 'string') {
    throw docs.error(node, 'must have a propertyName')
  }
  const { propertyName, mapping } = value as { propertyName: string; mapping?: Record<string, unknown> }
  const targets = new Map<string, string>()
  for (const [name, target] of Object.entries(mapping ?? {})) {
    if (typeof target !== 'string') throw docs.error(docs.child(docs.child(node, 'mapping'), name), 'must be a string')
    const hash = target.indexOf('#')
    targets.set(name, hash !== -1 ? fragmentPointer(target.slice(hash)) : target.includes('/') ? target : `/components/schemas/${target}`)
  }
  return { propertyName, mapping: targets }
}
