import type { SchemaBuilder } from './build-schema.js'
import type { DocumentSet, Node } from './document-set.js'
import { fragmentPointer } from './json-pointer.js'
import type { BoundKeyword, JsonType, Schema } from './model.js'
import { keywordText, opaqueKeywords } from './opaque-keywords.js'
import { isUnconstrained, typeSet, type SchemaDraft } from './schema-draft.js'

const singleTypes = new Map<string, ReadonlySet<JsonType>>(
  (['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'] as const).map((type) => [type, typeSet([type])]),
)

/** The raw values of the numeric keywords, gathered on the one pass over the keys (one shape for all). */
interface Limits {
  maxLength: unknown
  minLength: unknown
  maxItems: unknown
  minItems: unknown
  maxProperties: unknown
  minProperties: unknown
  multipleOf: unknown
  minimum: unknown
  maximum: unknown
  exclusiveMinimum: unknown
  exclusiveMaximum: unknown
}

function newLimits(): Limits {
  return {
    maxLength: undefined,
    minLength: undefined,
    maxItems: undefined,
    minItems: undefined,
    maxProperties: undefined,
    minProperties: undefined,
    multipleOf: undefined,
    minimum: undefined,
    maximum: undefined,
    exclusiveMinimum: undefined,
    exclusiveMaximum: undefined,
  }
}

/**
 * Reads the keywords of one schema object into `own` (checking the shapes the model relies on, with
 * the place of anything malformed) and builds its sub-schemas. Annotations are skipped. One pass over
 * the keys the object has, since most schemas use few of the keywords; cases are ordered by how
 * often real documents use them. `allOf` members are left in `own.allOf` for the builder to merge.
 * Returns whether the schema is nullable the 3.0 or Swagger way (`nullable`, `x-nullable`).
 */
export function readKeywords(docs: DocumentSet, node: Node, schemas: SchemaBuilder, parameter: boolean, own: SchemaDraft): boolean {
  const value = node.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw docs.error(node, 'a schema must be an object')
  const fields = value as Record<string, unknown>
  let nullable = false
  let limits: Limits | undefined
  let opaque: Map<string, string> | undefined
  for (const key in fields) {
    const field = fields[key]
    switch (key) {
      case 'type':
        own.types = (typeof field === 'string' ? singleTypes.get(field) : undefined) ?? readTypes(docs, node, field, schemas.version)
        if (field === 'file') own.format = 'binary'
        break
      case 'description':
      case 'title':
      case 'example':
      case 'examples':
      case '$ref':
        break
      case 'properties':
        readProperties(docs, schemas, docs.child(node, key), own)
        break
      case 'enum':
        if (!Array.isArray(field)) throw docs.error(docs.child(node, key), 'must be an array')
        if (own.enum === undefined) own.enum = field
        break
      case 'nullable':
        if (field === true && schemas.version !== '3.1') nullable = true
        break
      case 'anyOf':
        own.anyOf = readList(docs, schemas, node, key, field)
        break
      case 'items':
        if (Array.isArray(field)) own.prefixItems = readList(docs, schemas, node, key, field)
        else own.items = schemas.build(docs.child(node, key))
        break
      case 'required':
        if (parameter) break
        if (!Array.isArray(field) || !field.every((name) => typeof name === 'string')) {
          throw docs.error(docs.child(node, key), 'must be an array of property names')
        }
        if (field.length > 0) own.required = new Set(field as string[])
        break
      case 'additionalProperties':
        if (field === false) own.additionalProperties = false
        else if (typeof field === 'object' && field !== null) {
          const extra = schemas.build(docs.child(node, key))
          own.additionalProperties = isUnconstrained(extra) ? true : extra
        }
        break
      case 'format':
        if (typeof field === 'string' && own.format === undefined) own.format = field
        break
      case 'default':
        own.hasDefault = true
        own.default = field
        break
      case 'maxLength':
      case 'minLength':
      case 'maxItems':
      case 'minItems':
      case 'maxProperties':
      case 'minProperties':
      case 'multipleOf':
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        ;(limits ??= newLimits())[key] = field
        break
      case 'oneOf':
        own.oneOf = readList(docs, schemas, node, key, field)
        break
      case 'allOf':
        own.allOf = readList(docs, schemas, node, key, field)
        break
      case 'prefixItems':
        own.prefixItems = readList(docs, schemas, node, key, field)
        break
      case 'pattern':
        if (typeof field === 'string') own.pattern = field
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
      case 'const':
        own.enum = [field]
        break
      case 'uniqueItems':
        own.uniqueItems = field === true
        break
      case 'not':
        own.not = schemas.build(docs.child(node, key))
        break
      case 'discriminator':
        own.discriminator = readDiscriminator(docs, docs.child(node, key))
        break
      case 'x-nullable':
        if (field === true) nullable = true
        break
      case 'x-extensible-enum':
        if (!Array.isArray(field)) throw docs.error(docs.child(node, key), 'must be an array')
        own.extensibleEnum = field
        break
      default:
        if (opaqueKeywords.has(key)) (opaque ??= new Map()).set(key, keywordText(key, field))
    }
  }
  if (limits !== undefined) own.bounds = readBounds(docs, node, limits)
  if (opaque !== undefined) own.opaque = opaque
  return nullable
}

function readList(docs: DocumentSet, schemas: SchemaBuilder, node: Node, key: string, entries: unknown): Schema[] {
  const where = docs.child(node, key)
  if (!Array.isArray(entries)) throw docs.error(where, 'must be an array of schemas')
  const built: Schema[] = []
  for (let i = 0; i < entries.length; i++) built.push(schemas.build(docs.child(where, i)))
  return built
}

/** `properties`, and the renames declared on them (`x-rollsafe-renamed-from`, read beside a `$ref` too). */
function readProperties(docs: DocumentSet, schemas: SchemaBuilder, start: Node, own: SchemaDraft): void {
  const node = docs.deref(start)
  const names = node.value
  if (typeof names !== 'object' || names === null || Array.isArray(names)) throw docs.error(node, 'must be an object')
  const properties = new Map<string, Schema>()
  const hints = schemas.mayDeclareRenames(node.doc)
  let renamedFrom: Map<string, string> | undefined
  for (const name in names) {
    const written = (names as Record<string, unknown>)[name]
    if (hints && typeof written === 'object' && written !== null) {
      const from = (written as Record<string, unknown>)['x-rollsafe-renamed-from']
      if (typeof from === 'string' && from !== '') (renamedFrom ??= new Map()).set(name, from)
    }
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
    else if (typeof name === 'string' && singleTypes.has(name)) types.push(name as JsonType)
    else throw docs.error(docs.child(node, 'type'), `${JSON.stringify(name)} is not a type`)
  }
  return typeSet(types)
}

const plainBounds = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties', 'multipleOf'] as const

/** The numeric keywords, checked, in one fixed order; 2.0/3.0 boolean exclusive flags become 3.1 numeric bounds. */
function readBounds(docs: DocumentSet, node: Node, limits: Limits): Partial<Record<BoundKeyword, number>> {
  const bounds: Partial<Record<BoundKeyword, number>> = {}
  const number = (key: keyof Limits): number | undefined => {
    const n = limits[key]
    if (n === undefined) return undefined
    if (typeof n !== 'number') throw docs.error(docs.child(node, key), 'must be a number')
    return n
  }
  for (const key of plainBounds) {
    const n = number(key)
    if (n !== undefined) bounds[key] = n
  }
  for (const [bound, exclusive] of exclusivePairs) {
    const limit = number(bound)
    const flag = limits[exclusive]
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

const exclusivePairs = [
  ['minimum', 'exclusiveMinimum'],
  ['maximum', 'exclusiveMaximum'],
] as const

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
