import type { SourceRef } from '../core/source-ref.js'
import type { Schema } from './model.js'

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** `parent`'s place plus `/properties/name` (or another keyword path below it). */
function below(parent: Schema, ...tokens: ReadonlyArray<string>): SourceRef {
  const pointer = `${parent.ref.pointer ?? ''}/${tokens.map(escapePointer).join('/')}`
  return { file: parent.ref.file, pointer }
}

/**
 * Where a property is declared. A property written inline is located at its own schema (wherever
 * an `allOf` merge brought it from); one that is a `$ref` to a shared schema (a component, another
 * file) at its declaration in the holding object, since the shared schema's own place would merge
 * findings about different properties.
 *
 * @example
 * propertyRef(pet, 'owner', person) // { file, pointer: '/components/schemas/Pet/properties/owner' }
 */
export function propertyRef(parent: Schema, name: string, property: Schema | undefined): SourceRef {
  const inline = property?.ref.pointer?.endsWith(`/properties/${escapePointer(name)}`) === true
  return inline && property !== undefined ? property.ref : below(parent, 'properties', name)
}

/** Where a union branch is declared, by the same reasoning as `propertyRef`. */
export function branchRef(parent: Schema, keyword: string, index: number, branch: Schema): SourceRef {
  const inline = /\/(?:oneOf|anyOf)\/\d+$/.test(branch.ref.pointer ?? '')
  return inline ? branch.ref : below(parent, keyword, String(index))
}

let nextAnyId = -1

/**
 * The schema that allows every value, standing in where a side has no schema at all (a parameter
 * without one, an array without `items`). `ref` is the place that lacks it.
 *
 * @example
 * anySchema(parameter.ref) // { types: undefined, properties: new Map(), … }
 */
export function anySchema(ref: SourceRef): Schema {
  return {
    id: nextAnyId--,
    ref,
    bounds: {},
    uniqueItems: false,
    properties: new Map(),
    required: new Set(),
    additionalProperties: true,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    hasDefault: false,
  }
}

/** Whether a schema allows every value: no keyword that constrains anything. */
export function isUnconstrained(schema: Schema): boolean {
  return (
    schema.types === undefined &&
    schema.format === undefined &&
    schema.enum === undefined &&
    schema.pattern === undefined &&
    Object.keys(schema.bounds).length === 0 &&
    schema.properties.size === 0 &&
    schema.required.size === 0 &&
    schema.additionalProperties === true &&
    schema.items === undefined &&
    schema.prefixItems === undefined &&
    schema.oneOf === undefined &&
    schema.anyOf === undefined &&
    schema.allOf === undefined &&
    schema.not === undefined
  )
}
