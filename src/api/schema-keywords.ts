import type { SchemaBuilder } from './build-schema.js'
import type { DocumentSet, Node } from './document-set.js'
import { fragmentPointer } from './json-pointer.js'
import type { BoundKeyword, JsonType, Schema } from './model.js'
import { keywordText, opaqueKeywords } from './opaque-keywords.js'
import { isUnconstrained, typeSet, type SchemaDraft } from './schema-draft.js'

/** What a schema's own keywords leave for the builder to apply after `allOf` members are merged in. */
export interface Keywords {
  readonly allOf: ReadonlyArray<Schema>
  /** 3.0 `nullable: true` or Swagger `x-nullable: true`. */
  readonly nullable: boolean
}

const jsonTypes = new Set<string>(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'])
const plainBounds = new Set<string>(['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties', 'multipleOf'])

/**
 * Reads the keywords of one schema object into `own` (checking the shapes the model relies on, with
 * the place of anything malformed) and builds its sub-schemas. Annotations are skipped. One pass over
 * the keys the object has, since most schemas use few of the keywords.
 */
export function readKeywords(docs: DocumentSet, node: Node, schemas: SchemaBuilder, parameter: boolean, own: SchemaDraft): Keywords {
  const o = node.value
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw docs.error(node, 'a schema must be an object')
  const value = o as Record<string, unknown>
  const at = (key: string): Node => docs.child(node, key)
  const list = (key: string): Schema[] => {
    const entries = value[key]
    const where = at(key)
    if (!Array.isArray(entries)) throw docs.error(where, 'must be an array of schemas')
    const built: Schema[] = []
    for (let i = 0; i < entries.length; i++) built.push(schemas.build(docs.child(where, i)))
    return built
  }
  let allOf: ReadonlyArray<Schema> = []
  let nullable = false
  let bounds = false
  let opaque: Map<string, string> | undefined
  for (const key in value) {
    const field = value[key]
    switch (key) {
      case 'type':
        own.types = readTypes(docs, node, field, schemas.version)
        if (field === 'file') own.format = 'binary'
        break
      case 'format':
        if (typeof field === 'string' && own.format === undefined) own.format = field
        break
      case 'pattern':
        if (typeof field === 'string') own.pattern = field
        break
      case 'enum':
        if (!Array.isArray(field)) throw docs.error(at(key), 'must be an array')
        if (own.enum === undefined) own.enum = field
        break
      case 'const':
        own.enum = [field]
        break
      case 'uniqueItems':
        own.uniqueItems = field === true
        break
      case 'properties':
        readProperties(docs, schemas, at(key), own)
        break
      case 'required':
        if (parameter) break
        if (!Array.isArray(field) || field.some((name) => typeof name !== 'string')) {
          throw docs.error(at(key), 'must be an array of property names')
        }
        if (field.length > 0) own.required = new Set(field as string[])
        break
      case 'additionalProperties':
        if (field === false) own.additionalProperties = false
        else if (typeof field === 'object' && field !== null) {
          const extra = schemas.build(at(key))
          own.additionalProperties = isUnconstrained(extra) ? true : extra
        }
        break
      case 'items':
        if (Array.isArray(field)) own.prefixItems = list(key)
        else own.items = schemas.build(at(key))
        break
      case 'prefixItems':
        own.prefixItems = list(key)
        break
      case 'oneOf':
        own.oneOf = list(key)
        break
      case 'anyOf':
        own.anyOf = list(key)
        break
      case 'allOf':
        allOf = list(key)
        break
      case 'not':
        own.not = schemas.build(at(key))
        break
      case 'discriminator':
        own.discriminator = readDiscriminator(docs, at(key))
        break
      case 'readOnly':
        own.readOnly = field === true
        break
      case 'writeOnly':
        own.writeOnly = field === true
        break
      case 'deprecated':
        own.deprecated = field === true
        break
      case 'default':
        own.hasDefault = true
        own.default = field
        break
      case 'nullable':
        if (schemas.version !== '3.1' && field === true) nullable = true
        break
      case 'x-nullable':
        if (field === true) nullable = true
        break
      case 'x-extensible-enum':
        if (!Array.isArray(field)) throw docs.error(at(key), 'must be an array')
        own.extensibleEnum = field
        break
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        bounds = true
        break
      default:
        if (plainBounds.has(key)) bounds = true
        else if (opaqueKeywords.has(key)) (opaque ??= new Map()).set(key, keywordText(key, field))
    }
  }
  if (bounds) own.bounds = readBounds(docs, node, value)
  if (opaque !== undefined) own.opaque = opaque
  return { allOf, nullable }
}

/** `properties`, and the renames declared on them (`x-rollsafe-renamed-from`, read beside a `$ref` too). */
function readProperties(docs: DocumentSet, schemas: SchemaBuilder, start: Node, own: SchemaDraft): void {
  const node = docs.deref(start)
  const names = node.value
  if (typeof names !== 'object' || names === null || Array.isArray(names)) throw docs.error(node, 'must be an object')
  const properties = new Map<string, Schema>()
  let renamedFrom: Map<string, string> | undefined
  for (const name in names) {
    const written = (names as Record<string, unknown>)[name]
    const from = typeof written === 'object' && written !== null ? (written as Record<string, unknown>)['x-rollsafe-renamed-from'] : undefined
    if (typeof from === 'string' && from !== '') (renamedFrom ??= new Map()).set(name, from)
    properties.set(name, schemas.build(docs.child(node, name)))
  }
  own.properties = properties
  own.renamedFrom = renamedFrom
}

function readTypes(docs: DocumentSet, node: Node, type: unknown, version: string): ReadonlySet<JsonType> {
  const names = Array.isArray(type) ? (type as unknown[]) : [type]
  const types: JsonType[] = []
  for (const name of names) {
    if (name === 'file' && version === '2.0') types.push('string')
    else if (typeof name === 'string' && jsonTypes.has(name)) types.push(name as JsonType)
    else throw docs.error(docs.child(node, 'type'), `${JSON.stringify(name)} is not a type`)
  }
  return typeSet(types)
}

function readBounds(docs: DocumentSet, node: Node, value: Record<string, unknown>): Partial<Record<BoundKeyword, number>> {
  const bounds: Partial<Record<BoundKeyword, number>> = {}
  const number = (key: string): number | undefined => {
    const n = value[key]
    if (n === undefined) return undefined
    if (typeof n !== 'number') throw docs.error(docs.child(node, key), 'must be a number')
    return n
  }
  for (const key of plainBounds as ReadonlySet<BoundKeyword>) {
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
