import type { Schema } from '../../api/model.js'
import type { Version } from './adapter-plan.js'
import type { TypeNames } from './type-names.js'

type Json = Record<string, unknown>

function schemaJson(schema: Schema, nameOf: (schema: Schema) => string | undefined, top: boolean): Json {
  const name = top ? undefined : nameOf(schema)
  if (name !== undefined) return { $ref: `#/$defs/${name}` }
  const sub = (child: Schema): Json => schemaJson(child, nameOf, false)
  const out: Json = {}
  if (schema.types !== undefined) {
    const types = [...schema.types].sort()
    out['type'] = types.length === 1 ? types[0] : types
  }
  if (schema.format !== undefined) out['format'] = schema.format
  if (schema.enum !== undefined) out['enum'] = schema.enum
  if (schema.pattern !== undefined) out['pattern'] = schema.pattern
  for (const keyword of Object.keys(schema.bounds).sort() as Array<keyof Schema['bounds']>) out[keyword] = schema.bounds[keyword]
  if (schema.uniqueItems) out['uniqueItems'] = true
  if (schema.properties.size > 0) {
    const properties: Json = {}
    for (const [key, property] of schema.properties) properties[key] = sub(property)
    out['properties'] = properties
  }
  if (schema.required.size > 0) out['required'] = [...schema.required].sort()
  if (schema.additionalProperties === false) out['additionalProperties'] = false
  else if (schema.additionalProperties !== true) out['additionalProperties'] = sub(schema.additionalProperties)
  if (schema.prefixItems !== undefined) out['prefixItems'] = schema.prefixItems.map(sub)
  if (schema.items !== undefined) out['items'] = sub(schema.items)
  if (schema.allOf !== undefined) out['allOf'] = schema.allOf.map(sub)
  if (schema.oneOf !== undefined) out['oneOf'] = schema.oneOf.map(sub)
  if (schema.anyOf !== undefined) out['anyOf'] = schema.anyOf.map(sub)
  if (schema.not !== undefined) out['not'] = sub(schema.not)
  return out
}

/**
 * One version's named schemas as a JSON Schema 2020-12 document (`$defs` by type name, named
 * schemas referenced with `$ref`), for validating the generated tests' values with ajv.
 *
 * @example
 * jsonSchemaDocument('old', names)['$defs'] // { Pet: { type: 'object', properties: { … } }, … }
 */
export function jsonSchemaDocument(version: Version, names: TypeNames, comment: string): Json {
  const nameOf = (schema: Schema): string | undefined => names.nameOf(version, schema)
  const defs: Json = {}
  for (const [name, schema] of names.declarations(version)) defs[name] = schemaJson(schema, nameOf, true)
  return { $comment: comment, $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: defs }
}
