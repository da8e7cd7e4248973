import { describe, expect, it } from 'vitest'
import { SchemaBuilder, type SpecVersion } from './build-schema.js'
import { DocumentSet } from './document-set.js'
import type { Schema } from './model.js'
import { parseSource } from './read-document.js'
import { schemaShape } from './schema-shape.js'

/** Builds every `components.schemas` entry of a small in-memory document, through a `$ref` to each. */
function schemas(version: SpecVersion, components: Record<string, unknown>): Record<string, Schema> {
  const refs = Object.keys(components).map((name) => ({ $ref: `#/components/schemas/${name}` }))
  const text = JSON.stringify({ refs, components: { schemas: components } })
  const docs = new DocumentSet(parseSource('mem.json', '/mem.json', text))
  const builder = new SchemaBuilder(docs, version)
  const list = docs.child(docs.top(), 'refs')
  return Object.fromEntries(Object.keys(components).map((name, i) => [name, builder.build(docs.child(list, i))]))
}

const shape = (schema: Schema | undefined): unknown => schemaShape(schema as Schema)

describe('SchemaBuilder: one nullable shape for every way of writing it', () => {
  const stringOrNull = { types: ['null', 'string'], bounds: { maxLength: 5 } }

  it('3.0 nullable, 3.1 type array, oneOf and anyOf with a null branch', () => {
    const v30 = schemas('3.0', { A: { type: 'string', maxLength: 5, nullable: true } })
    const v31 = schemas('3.1', {
      B: { type: ['string', 'null'], maxLength: 5 },
      C: { oneOf: [{ type: 'string', maxLength: 5 }, { type: 'null' }] },
      D: { anyOf: [{ type: 'null' }, { type: 'string', maxLength: 5 }], description: 'ignored' },
    })
    expect(shape(v30.A)).toEqual(stringOrNull)
    for (const name of ['B', 'C', 'D']) expect(shape(v31[name])).toEqual(stringOrNull)
  })

  it('a nullable reference: 3.0 allOf + nullable equals 3.1 anyOf with null', () => {
    const pet = { type: 'object', properties: { name: { type: 'string' } } }
    const v30 = schemas('3.0', { Pet: pet, Ref: { nullable: true, allOf: [{ $ref: '#/components/schemas/Pet' }] } })
    const v31 = schemas('3.1', { Pet: pet, Ref: { anyOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'null' }] } })
    const expected = { types: ['null', 'object'], properties: { name: { types: ['string'] } } }
    expect(shape(v30.Ref)).toEqual(expected)
    expect(shape(v31.Ref)).toEqual(expected)
    expect(v30.Ref?.properties.get('name')).toBe(v30.Pet?.properties.get('name'))
  })

  it('Swagger x-nullable, and null among enum values', () => {
    const v20 = schemas('2.0', { A: { type: 'string', enum: ['a', 'b'], 'x-nullable': true } })
    const v30 = schemas('3.0', { A: { type: 'string', enum: ['a', 'b'], nullable: true } })
    const v31 = schemas('3.1', { A: { type: ['string', 'null'], enum: ['a', 'b', null] }, B: { type: 'string', enum: ['a', null] } })
    const expected = { types: ['null', 'string'], enum: ['a', 'b', null] }
    expect(shape(v20.A)).toEqual(expected)
    expect(shape(v30.A)).toEqual(expected)
    expect(shape(v31.A)).toEqual(expected)
    expect(shape(v31.B)).toEqual({ types: ['null', 'string'], enum: ['a', null] })
  })
})

describe('SchemaBuilder: allOf', () => {
  const base = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 0 } } }

  it('merges members into one object equal to the flat definition', () => {
    const built = schemas('3.0', {
      Base: base,
      Composed: {
        allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }],
      },
      Flat: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'integer', minimum: 0 }, name: { type: 'string' } },
      },
    })
    expect(shape(built.Composed)).toEqual(shape(built.Flat))
    expect(built.Composed?.allOf).toBeUndefined()
    expect(built.Composed?.name).toBe('Composed')
  })

  it('takes the tightest bounds and intersects types and enums', () => {
    const built = schemas('3.1', {
      A: { allOf: [{ type: ['integer', 'string'], maximum: 10, enum: [1, 2, 'x'] }, { type: 'integer', maximum: 5, minimum: 1, enum: [2, 3] }] },
    })
    expect(shape(built.A)).toEqual({ types: ['integer'], bounds: { maximum: 5, minimum: 1 }, enum: [2] })
  })

  it('keeps members that cannot merge exactly', () => {
    const built = schemas('3.0', {
      Patterns: { allOf: [{ type: 'string', pattern: '^a' }, { pattern: 'b$' }] },
      Closed: {
        allOf: [
          { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
          { properties: { b: { type: 'string' } } },
        ],
      },
    })
    expect(shape(built.Patterns)).toEqual({ types: ['string'], pattern: '^a', allOf: [{ pattern: 'b$' }] })
    expect(shape(built.Closed)).toMatchObject({ additionalProperties: false, allOf: [{ properties: { b: { types: ['string'] } } }] })
  })

  it('ends cycles through allOf', () => {
    const built = schemas('3.0', {
      A: { allOf: [{ $ref: '#/components/schemas/B' }], properties: { a: { type: 'string' } } },
      B: { allOf: [{ $ref: '#/components/schemas/A' }], properties: { b: { type: 'string' } } },
    })
    expect(built.A?.properties.has('a')).toBe(true)
    expect(built.B?.properties.has('b')).toBe(true)
  })
})

describe('SchemaBuilder: identity and recursion', () => {
  it('builds one object per definition, shared by every reference, and ends self-reference', () => {
    const built = schemas('3.0', {
      Node: {
        type: 'object',
        properties: {
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
          parent: { $ref: '#/components/schemas/Node' },
        },
      },
      Alias: { $ref: '#/components/schemas/Node' },
    })
    const node = built.Node as Schema
    expect(node.properties.get('parent')).toBe(node)
    expect(node.properties.get('children')?.items).toBe(node)
    expect(built.Alias).toBe(node)
    expect(shape(node)).toEqual({
      types: ['object'],
      properties: { children: { types: ['array'], items: { cycle: 'Node' } }, parent: { cycle: 'Node' } },
    })
  })

  it('gives every schema its own id and its place', () => {
    const built = schemas('3.0', { A: { type: 'object', properties: { x: { type: 'string' } } }, B: { type: 'string' } })
    const ids = [built.A?.id, built.A?.properties.get('x')?.id, built.B?.id]
    expect(new Set(ids).size).toBe(3)
    expect(built.A?.properties.get('x')?.ref).toEqual({ file: 'mem.json', pointer: '/components/schemas/A/properties/x' })
  })
})

describe('SchemaBuilder: other keywords', () => {
  it('reads const as a one-value enum, boolean exclusive bounds as numbers, and no type as any', () => {
    const v31 = schemas('3.1', { C: { const: 'x' }, Any: { description: 'anything' }, Never: { not: {} } })
    const v30 = schemas('3.0', { N: { type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false } })
    expect(shape(v31.C)).toEqual({ enum: ['x'] })
    expect(v31.Any?.types).toBeUndefined()
    expect(shape(v31.Any)).toEqual({})
    expect(shape(v30.N)).toEqual({ types: ['number'], bounds: { exclusiveMinimum: 1, maximum: 9 } })
  })

  it('ignores annotations and reads readOnly, writeOnly, deprecated and default', () => {
    const built = schemas('3.0', {
      A: { type: 'string', title: 'T', description: 'D', example: 'e', 'x-extra': 1, readOnly: true, deprecated: true, default: 'd' },
    })
    expect(shape(built.A)).toEqual({ types: ['string'], readOnly: true, deprecated: true, default: 'd' })
  })

  it('treats additionalProperties {} as true, and reads discriminators with implicit mappings', () => {
    const built = schemas('3.0', {
      Cat: { type: 'object' },
      Dog: { type: 'object' },
      Pet: {
        type: 'object',
        additionalProperties: {},
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { doggo: '#/components/schemas/Dog' } },
      },
    })
    expect(built.Pet?.additionalProperties).toBe(true)
    expect(built.Pet?.discriminator?.propertyName).toBe('kind')
    expect(Object.fromEntries(built.Pet?.discriminator?.mapping ?? [])).toEqual({
      doggo: '/components/schemas/Dog',
      Cat: '/components/schemas/Cat',
      Dog: '/components/schemas/Dog',
    })
  })

  it('rejects a malformed schema with its place', () => {
    expect(() => schemas('3.0', { A: { type: 'object', properties: { x: { type: 'text' } } } })).toThrow(
      /^mem\.json:1:\d+: components\.schemas\.A\.properties\.x\.type: "text" is not a type$/,
    )
    expect(() => schemas('3.0', { A: { required: 'x' } })).toThrow(/components\.schemas\.A\.required: must be an array of property names/)
  })
})

describe('SchemaBuilder: keywords carried without being interpreted', () => {
  it('keeps each as the canonical text of its value: keys sorted, annotations out, $refs as written', () => {
    const built = schemas('3.1', {
      Card: { type: 'object' },
      A: {
        type: 'object',
        if: { description: 'cards', properties: { kind: { const: 'card', title: 'Kind' } } },
        then: { $ref: '#/components/schemas/Card', 'x-note': 1 },
        patternProperties: { '^x-': { type: 'string', example: 'x' } },
        dependentRequired: { description: ['title'] },
        propertyNames: { pattern: '^[a-z]+$' },
        contentMediaType: 'application/json',
        unevaluatedProperties: false,
      },
    })
    expect(shape(built.A)).toEqual({
      types: ['object'],
      opaque: {
        contentMediaType: '"application/json"',
        dependentRequired: '{"description":["title"]}',
        if: '{"properties":{"kind":{"const":"card"}}}',
        patternProperties: '{"^x-":{"type":"string"}}',
        propertyNames: '{"pattern":"^[a-z]+$"}',
        then: '{"$ref":"#/components/schemas/Card"}',
        unevaluatedProperties: 'false',
      },
    })
  })

  it('gives equal texts for the same constraint written differently, different texts for a change', () => {
    const built = schemas('3.0', {
      A: { dependencies: { b: ['c'], d: { required: ['e'], description: 'one' } }, additionalProperties: { propertyNames: { maxLength: 3 } } },
      B: { dependencies: { d: { description: 'two', required: ['e'] }, b: ['c'] }, additionalProperties: { propertyNames: { maxLength: 3 } } },
      C: { dependencies: { b: ['c'], d: { required: ['f'] } } },
    })
    expect(built.A?.opaque?.get('dependencies')).toBe(built.B?.opaque?.get('dependencies'))
    expect(built.A?.opaque?.get('dependencies')).not.toBe(built.C?.opaque?.get('dependencies'))
    expect(built.A?.additionalProperties).not.toBe(true) // a schema with only propertyNames still constrains
  })

  it('merges allOf members unless both constrain one keyword differently', () => {
    const built = schemas('3.1', {
      Merged: { allOf: [{ type: 'object', propertyNames: { maxLength: 3 } }, { contains: { type: 'string' } }] },
      Kept: { allOf: [{ if: { required: ['a'] }, then: { required: ['b'] } }, { if: { required: ['c'] } }] },
    })
    expect(shape(built.Merged)).toEqual({ types: ['object'], opaque: { contains: '{"type":"string"}', propertyNames: '{"maxLength":3}' } })
    expect(built.Kept?.allOf).toHaveLength(1)
  })

  it('reads x-extensible-enum as its own field: known values of an open set, not an enum', () => {
    const built = schemas('3.0', { Status: { type: 'string', 'x-extensible-enum': ['active', 'archived'] } })
    expect(built.Status?.enum).toBeUndefined()
    expect(built.Status?.extensibleEnum).toEqual(['active', 'archived'])
    expect(() => schemas('3.0', { A: { 'x-extensible-enum': 'a' } })).toThrow(/components\.schemas\.A\.x-extensible-enum: must be an array/)
  })
})

describe('SchemaBuilder: x-rollsafe-renamed-from', () => {
  it('records renames on the object, beside $refs too, and through allOf', () => {
    const built = schemas('3.0', {
      User: { type: 'object' },
      Pet: {
        type: 'object',
        properties: {
          title: { type: 'string', 'x-rollsafe-renamed-from': 'name' },
          keeper: { $ref: '#/components/schemas/User', 'x-rollsafe-renamed-from': 'owner' },
          age: { type: 'integer' },
        },
      },
      Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { properties: { breed: { type: 'string', 'x-rollsafe-renamed-from': 'kind' } } }] },
    })
    expect(Object.fromEntries(built.Pet?.renamedFrom ?? [])).toEqual({ title: 'name', keeper: 'owner' })
    expect(built.Pet?.properties.get('keeper')).toBe(built.User) // the shared component is untouched
    expect(built.User?.renamedFrom).toBeUndefined()
    expect(Object.fromEntries(built.Dog?.renamedFrom ?? [])).toEqual({ title: 'name', keeper: 'owner', breed: 'kind' })
  })
})
