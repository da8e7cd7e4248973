import { describe, expect, it } from 'vitest'
import type { Direction } from './change.js'
import { createSchemaDiffer } from './diff-schemas.js'
import type { Schema } from './model.js'
import type { RelativeChange } from './relative-change.js'
import { link, linkItems, schema } from './test-support/make-schema.js'

function diff(a: Schema, b: Schema, view: Direction = 'response'): ReadonlyArray<RelativeChange> {
  return createSchemaDiffer({ before: view, after: view }).diff(a, b)
}

/** `kind path detail` lines: short enough to read a whole walk at a glance. */
function summary(changes: ReadonlyArray<RelativeChange>): string[] {
  return changes.map((change) => {
    const detail =
      'effect' in change ? change.effect : 'name' in change ? change.name : 'value' in change ? String(change.value) : ''
    return `${change.kind} ${change.path.join('.')} ${detail}`.trim()
  })
}

const str = (extra = {}) => schema({ type: 'string', ...extra })

describe('diffSchemas: keywords', () => {
  it('reports nothing for equal schemas built apart', () => {
    const make = () => schema({ type: 'object', properties: { a: str({ bounds: { maxLength: 3 } }), b: schema({ type: 'integer' }) }, required: ['a'] })
    expect(diff(make(), make())).toEqual([])
  })

  it('tells widened, narrowed and changed type sets apart, integer inside number', () => {
    expect(summary(diff(schema({ type: 'integer' }), schema({ type: 'number' })))).toEqual(['type-changed  widened'])
    expect(summary(diff(schema({ type: 'number' }), schema({ type: 'integer' })))).toEqual(['type-changed  narrowed'])
    expect(summary(diff(schema({ type: ['string', 'integer'] }), schema({ type: 'string' })))).toEqual(['type-changed  narrowed'])
    expect(summary(diff(schema({ type: 'string' }), schema({})))).toEqual(['type-changed  widened', 'nullable-changed'])
    expect(summary(diff(schema({ type: 'boolean' }), schema({ type: 'string' })))).toEqual(['type-changed  changed'])
  })

  it('reports null membership as nullable-changed, not as a type change', () => {
    const changes = diff(schema({ type: 'string' }), schema({ type: ['string', 'null'] }))
    expect(changes).toMatchObject([{ kind: 'nullable-changed', nullable: true }])
  })

  it('keeps the type sets of a type change without null', () => {
    const [change] = diff(schema({ type: ['integer', 'null'] }), schema({ type: ['string', 'null'] }))
    expect(change).toMatchObject({ kind: 'type-changed', beforeTypes: new Set(['integer']), afterTypes: new Set(['string']) })
  })

  it('compares formats with absent = any and the known widenings', () => {
    const f = (from?: string, to?: string) => summary(diff(str({ format: from }), str({ format: to })))
    expect(f('int32', 'int64')).toEqual(['format-changed  widened'])
    expect(f('double', 'float')).toEqual(['format-changed  narrowed'])
    expect(f(undefined, 'uuid')).toEqual(['format-changed  narrowed'])
    expect(f('uuid', undefined)).toEqual(['format-changed  widened'])
    expect(f('date', 'date-time')).toEqual(['format-changed  changed'])
  })

  it('reports enum values added and removed, in a stable order, and enums appearing or going', () => {
    expect(summary(diff(str({ enum: ['b', 'a'] }), str({ enum: ['c', 'a', 'd'] })))).toEqual([
      'enum-value-removed  b',
      'enum-value-added  c',
      'enum-value-added  d',
    ])
    expect(diff(str({ enum: ['a', 'b'] }), str({ enum: ['b', 'a'] }))).toEqual([])
    expect(summary(diff(str(), str({ enum: ['a'] })))).toEqual(['enum-added'])
    expect(summary(diff(str({ enum: ['a'] }), str()))).toEqual(['enum-removed'])
  })

  it('compares enum values by JSON meaning, whatever the key order', () => {
    expect(diff(schema({ enum: [{ a: 1, b: 2 }] }), schema({ enum: [{ b: 2, a: 1 }] }))).toEqual([])
  })

  it('compares x-extensible-enum values apart from enum, marked extensible; the list coming or going is no change', () => {
    const open = (...values: string[]) => str({ extensibleEnum: values })
    expect(diff(open('a', 'b'), open('a', 'c'))).toMatchObject([
      { kind: 'enum-value-removed', value: 'b', extensible: true },
      { kind: 'enum-value-added', value: 'c', extensible: true },
    ])
    expect(diff(str({ enum: ['a'] }), str({ enum: ['a', 'b'] }))).toMatchObject([{ kind: 'enum-value-added', extensible: false }])
    expect(diff(str(), open('a'))).toEqual([])
    expect(diff(open('a'), str())).toEqual([])
  })

  it('reports each keyword kept as text (if, contains, patternProperties…) whose text differs', () => {
    const opaque = (entries: Record<string, string>) => schema({ type: 'object', opaque: new Map(Object.entries(entries)) })
    const changes = diff(opaque({ if: '{"a":1}', contains: '{}' }), opaque({ if: '{"a":2}', contains: '{}', propertyNames: '{}' }))
    expect(changes).toMatchObject([
      { kind: 'schema-uncomparable', keyword: 'if' },
      { kind: 'schema-uncomparable', keyword: 'propertyNames' },
    ])
    expect(diff(opaque({ if: '{"a":1}' }), opaque({ if: '{"a":1}' }))).toEqual([])
  })

  it('rates pattern changes', () => {
    expect(summary(diff(str(), str({ pattern: '^a' })))).toEqual(['pattern-changed  narrowed'])
    expect(summary(diff(str({ pattern: '^a' }), str()))).toEqual(['pattern-changed  widened'])
    expect(summary(diff(str({ pattern: '^a' }), str({ pattern: '^b' })))).toEqual(['pattern-changed  changed'])
  })

  it('rates every bound by which way it moves the value set', () => {
    const bound = (keyword: string, from?: number, to?: number) =>
      diff(schema({ bounds: from === undefined ? {} : { [keyword]: from } }), schema({ bounds: to === undefined ? {} : { [keyword]: to } }))
    expect(bound('maxLength', 20, 10)).toMatchObject([{ kind: 'bound-changed', keyword: 'maxLength', from: 20, to: 10, effect: 'narrowed' }])
    expect(bound('maxItems', 1, 2)).toMatchObject([{ effect: 'widened' }])
    expect(bound('minimum', 0, 1)).toMatchObject([{ effect: 'narrowed' }])
    expect(bound('exclusiveMinimum', 1, 0)).toMatchObject([{ effect: 'widened' }])
    expect(bound('maximum', undefined, 5)).toMatchObject([{ effect: 'narrowed', to: 5 }])
    expect(bound('minLength', 3, undefined)).toMatchObject([{ effect: 'widened', from: 3 }])
    expect(bound('minLength', undefined, 0)).toEqual([])
    expect(bound('multipleOf', 2, 4)).toMatchObject([{ effect: 'narrowed' }])
    expect(bound('multipleOf', 4, 2)).toMatchObject([{ effect: 'widened' }])
    expect(bound('multipleOf', 2, 3)).toMatchObject([{ effect: 'changed' }])
    expect(bound('multipleOf', 0.1, 0.2)).toMatchObject([{ effect: 'narrowed' }])
  })

  it('reports uniqueItems, flags and defaults', () => {
    const arr = (extra = {}) => schema({ type: 'array', items: str(), ...extra })
    expect(summary(diff(arr(), arr({ uniqueItems: true })))).toEqual(['unique-items-changed  narrowed'])
    expect(summary(diff(str(), str({ readOnly: true, deprecated: true })))).toEqual(['read-only-changed  true', 'deprecated-changed  true'])
    expect(summary(diff(str({ writeOnly: true }), str()))).toEqual(['write-only-changed  false'])
    expect(summary(diff(str({ default: 'a' }), str({ default: 'b' })))).toEqual(['default-changed'])
    expect(diff(str({ default: { x: 1, y: 2 } }), str({ default: { y: 2, x: 1 } }))).toEqual([])
  })

  it('does not compare value keywords of disjoint types', () => {
    expect(summary(diff(str({ bounds: { maxLength: 3 }, format: 'uuid' }), schema({ type: 'object', properties: { a: str() } })))).toEqual([
      'type-changed  changed',
    ])
  })

  it('reports not and unmerged allOf only when they differ', () => {
    const not = (value: string) => str({ not: str({ enum: [value] }) })
    expect(diff(not('x'), not('x'))).toEqual([])
    expect(summary(diff(not('x'), not('y')))).toEqual(['schema-uncomparable'])
    const all = (n: number) => schema({ allOf: [schema({ type: 'object' }), schema({ bounds: { minProperties: n } })] })
    expect(diff(all(1), all(1))).toEqual([])
    expect(diff(all(1), all(2))).toMatchObject([{ kind: 'schema-uncomparable', keyword: 'allOf' }])
  })

  it('reports discriminator property and mapping changes', () => {
    const disc = (propertyName: string, mapping: Record<string, string>) =>
      schema({ oneOf: [], discriminator: { propertyName, mapping: new Map(Object.entries(mapping)) } })
    const changes = diff(disc('kind', { cat: '/c/Cat', dog: '/c/Dog' }), disc('type', { cat: '/c/Cat', dog: '/c/Hound', bird: '/c/Bird' }))
    expect(changes.map((c) => c.kind === 'discriminator-changed' && `${c.detail} ${c.value}`)).toEqual([
      'property type',
      'mapping-added bird',
      'mapping-changed dog',
    ])
  })
})

describe('diffSchemas: properties and containers', () => {
  const obj = (properties: Record<string, Schema>, required: string[] = [], extra = {}) =>
    schema({ type: 'object', properties, required, ...extra })

  it('reports added, removed and required-changed properties at the object, with requiredness', () => {
    const a = obj({ keep: str(), gone: str(), opt: str() }, ['gone'])
    const b = obj({ keep: str(), opt: str(), fresh: str() }, ['opt', 'fresh'])
    expect(diff(a, b)).toMatchObject([
      { kind: 'property-added', name: 'fresh', required: true, path: [] },
      { kind: 'property-removed', name: 'gone', required: true, path: [] },
      { kind: 'property-required-changed', name: 'opt', required: true, path: [] },
    ])
  })

  it('does not care about property order', () => {
    expect(diff(obj({ a: str(), b: str() }), obj({ b: str(), a: str() }))).toEqual([])
  })

  it('locates removed properties in A and added ones in B, at the declaration of a $ref property', () => {
    const named = schema({ name: 'Person', type: 'object' })
    const a = obj({ owner: named }, [], { at: '/components/schemas/Pet' })
    const b = obj({}, [], { at: '/components/schemas/Pet', ref: { file: 'new.yaml', pointer: '/components/schemas/Pet' } })
    expect(diff(a, b)).toMatchObject([{ kind: 'property-removed', at: { file: 'test.yaml', pointer: '/components/schemas/Pet/properties/owner' } }])
    const inline = str({ at: '/components/schemas/Base/properties/tag' })
    expect(diff(obj({}), obj({ tag: inline }))).toMatchObject([{ kind: 'property-added', at: inline.ref }])
    // A shared schema without a name (another file's root) is located where the property names it.
    const external = schema({ type: 'object', ref: { file: 'models/tag.yml', pointer: '' } })
    const holder = obj({ tag: external }, [], { ref: { file: 'api.yml', pointer: '/paths/~1pets/get' } })
    expect(diff(obj({}), holder)).toMatchObject([{ kind: 'property-added', at: { file: 'api.yml', pointer: '/paths/~1pets/get/properties/tag' } }])
  })

  it('walks nested properties, items, additionalProperties and tuples with path segments', () => {
    const a = obj({ tags: schema({ type: 'array', items: obj({ n: str() }) }), meta: obj({}, [], { additionalProperties: str() }) })
    const b = obj({
      tags: schema({ type: 'array', items: obj({ n: str({ bounds: { maxLength: 2 } }) }) }),
      meta: obj({}, [], { additionalProperties: schema({ type: 'integer' }) }),
    })
    expect(summary(diff(a, b))).toEqual(['type-changed meta.{} changed', 'bound-changed tags.[].n narrowed'])
    const tuple = (t: string) => schema({ type: 'array', prefixItems: [str(), schema({ type: t as 'string' })] })
    expect(summary(diff(tuple('string'), tuple('integer')))).toEqual(['type-changed [1] changed'])
  })

  it('rates additionalProperties changes', () => {
    const ap = (value: boolean | Schema) => obj({}, [], { additionalProperties: value })
    expect(summary(diff(ap(true), ap(false)))).toEqual(['additional-properties-changed  narrowed'])
    expect(summary(diff(ap(false), ap(true)))).toEqual(['additional-properties-changed  widened'])
    expect(summary(diff(ap(true), ap(str())))).toEqual(['additional-properties-changed  narrowed'])
    expect(summary(diff(ap(str()), ap(false)))).toEqual(['additional-properties-changed  narrowed'])
    expect(diff(ap(true), ap(schema({})))).toEqual([])
  })

  it('treats missing items as any', () => {
    expect(summary(diff(schema({ type: 'array', items: str() }), schema({ type: 'array' })))).toEqual([
      'type-changed [] widened',
      'nullable-changed []',
    ])
  })

  it('skips readOnly properties in a request view and writeOnly ones in a response view', () => {
    const a = obj({ id: str({ readOnly: true }), password: str({ writeOnly: true }) }, ['id', 'password'])
    const b = obj({}, [])
    expect(diff(a, b, 'request')).toMatchObject([{ kind: 'property-removed', name: 'password' }])
    expect(diff(a, b, 'response')).toMatchObject([{ kind: 'property-removed', name: 'id' }])
  })

  it('reports a request property that became readOnly as read-only-changed, not as removed', () => {
    const a = obj({ name: str() }, ['name'])
    const b = obj({ name: str({ readOnly: true }) }, ['name'])
    expect(diff(a, b, 'request')).toMatchObject([{ kind: 'read-only-changed', value: true, path: ['name'] }])
    // Requiredness of what B ignores does not matter.
    expect(summary(diff(obj({ id: str() }), obj({ id: str({ readOnly: true }) }, ['id']), 'request'))).toEqual(['read-only-changed id true'])
  })

  it('reports a request property that is no longer readOnly as added, with its requiredness', () => {
    const a = obj({ id: str({ readOnly: true }) }, ['id'])
    const b = obj({ id: str() }, ['id'])
    expect(diff(a, b, 'request')).toMatchObject([{ kind: 'property-added', name: 'id', required: true, path: [] }])
    expect(summary(diff(a, b, 'response'))).toEqual(['read-only-changed id false'])
  })

  it('treats writeOnly the same way in a response view', () => {
    const a = obj({ secret: str() })
    const b = obj({ secret: str({ writeOnly: true }) })
    expect(summary(diff(a, b, 'response'))).toEqual(['write-only-changed secret true'])
    expect(summary(diff(b, a, 'response'))).toEqual(['property-added  secret'])
  })
})

describe('diffSchemas: unions', () => {
  const cat = schema({ name: 'Cat', type: 'object', properties: { meow: str() } })
  const dog = schema({ name: 'Dog', type: 'object', properties: { bark: str() } })

  it('matches branches by name whatever their order, and reports new and gone branches', () => {
    const bird = schema({ name: 'Bird', type: 'object', properties: { wings: str() } })
    const dog2 = schema({ name: 'Dog', type: 'object', properties: { bark: str(), wag: str() } })
    const changes = diff(schema({ oneOf: [cat, dog] }), schema({ oneOf: [dog2, bird] }))
    expect(summary(changes)).toEqual(['union-branch-removed', 'union-branch-added', 'property-added oneOf[0] wag'])
    expect(changes[0]).toMatchObject({ keyword: 'oneOf', branch: cat })
    expect(changes[1]).toMatchObject({ branch: bird })
  })

  it('never pairs two distinct components by likeness, however much they share', () => {
    const pet = (name: string, extra: string) =>
      schema({ name, type: 'object', properties: { name: str(), age: schema({ type: 'integer' }), [extra]: str() } })
    const dog = pet('Dog', 'bark')
    const bird = pet('Bird', 'wings')
    const changes = diff(schema({ oneOf: [cat, dog] }), schema({ oneOf: [cat, bird] }))
    expect(summary(changes)).toEqual(['union-branch-removed', 'union-branch-added'])
    expect(changes).toMatchObject([{ branch: dog }, { branch: bird }])
    // An inline branch on one side still pairs with its most alike counterpart.
    const inline = schema({ type: 'object', properties: { name: str(), age: schema({ type: 'integer' }), wings: str() } })
    expect(summary(diff(schema({ oneOf: [cat, dog] }), schema({ oneOf: [cat, inline] })))).toEqual([
      'property-removed oneOf[1] bark',
      'property-added oneOf[1] wings',
    ])
  })

  it('matches unnamed branches by structure, then by likeness', () => {
    const a = schema({ anyOf: [str(), schema({ type: 'integer' }), schema({ type: 'object', properties: { x: str(), y: str() } })] })
    const b = schema({ anyOf: [schema({ type: 'object', properties: { x: str(), y: str(), z: str() } }), schema({ type: 'number' }), str()] })
    expect(summary(diff(a, b))).toEqual(['property-added anyOf[0] z', 'type-changed anyOf[1] widened'])
  })

  it('treats a plain schema wrapped into a union as one of its branches', () => {
    const wrapped = diff(str(), schema({ anyOf: [str(), cat] }))
    expect(summary(wrapped)).toEqual(['union-branch-added'])
    const unwrapped = diff(schema({ oneOf: [str({ bounds: { maxLength: 5 } }), cat] }), str())
    expect(summary(unwrapped)).toEqual(['union-branch-removed', 'bound-changed oneOf[0] widened'])
  })

  it('compares nullness of a nullable union against a plain schema', () => {
    const union = schema({ type: 'null', oneOf: [str(), cat] })
    expect(summary(diff(str(), union))).toEqual(['union-branch-added', 'nullable-changed'])
    expect(summary(diff(union, str()))).toEqual(['union-branch-removed', 'nullable-changed'])
  })

  it('matches branches by discriminator value when names differ', () => {
    const mapping = (target: string) => ({ propertyName: 'kind', mapping: new Map([['cat', target]]) })
    const a = schema({ oneOf: [schema({ name: 'Cat', properties: { meow: str() } })], discriminator: mapping('/components/schemas/Cat') })
    const b = schema({ oneOf: [schema({ name: 'Feline', properties: { purr: str() } })], discriminator: mapping('/components/schemas/Feline') })
    expect(summary(diff(a, b))).toEqual(['discriminator-changed  cat', 'property-removed oneOf[0] meow', 'property-added oneOf[0] purr'])
  })
})

describe('diffSchemas: a request value another branch still accepts', () => {
  const closed = (name: string, properties: Record<string, Schema>, required: string[] = []) =>
    schema({ name, type: 'object', properties, required, additionalProperties: false })
  const kind = (...values: string[]) => str({ enum: values })
  const card = closed('Card', { type: kind('scheme'), number: str() })
  const details = (...values: string[]) => closed('Details', { type: kind(...values), checkoutAttemptId: str() })
  const alma = (extra: Record<string, Schema> = {}, required: string[] = []) =>
    closed('Alma', { type: kind('alma'), checkoutAttemptId: str(), feeType: str(), ...extra }, required)

  it('does not report a value that moved from a shared branch into a new one (Adyen: alma)', () => {
    const a = schema({ oneOf: [card, details('alipay', 'alma')] })
    const b = schema({ oneOf: [card, details('alipay'), alma()] })
    expect(summary(diff(a, b, 'request'))).toEqual(['union-branch-added'])
    // In a response the value is simply returned by another branch now: the narrowing is still a fact.
    expect(summary(diff(a, b, 'response'))).toEqual(['union-branch-added', 'enum-value-removed oneOf[1].type alma'])
  })

  it('reports the value when the branch that takes it rejects other values of A (a new required property)', () => {
    const a = schema({ oneOf: [card, details('alipay', 'alma')] })
    const b = schema({ oneOf: [card, details('alipay'), alma({ plan: str() }, ['plan'])] })
    expect(summary(diff(a, b, 'request'))).toEqual(['union-branch-added', 'enum-value-removed oneOf[1].type alma'])
  })

  it('needs exactly one branch to take the value in a oneOf, at least one in an anyOf', () => {
    const twice = (keyword: 'oneOf' | 'anyOf') =>
      diff(schema({ [keyword]: [card, details('alipay', 'alma')] }), schema({ [keyword]: [card, details('alipay'), alma(), { ...alma(), name: 'Alma2' }] }), 'request')
    expect(summary(twice('oneOf'))).toEqual(['union-branch-added', 'union-branch-added', 'enum-value-removed oneOf[1].type alma'])
    expect(summary(twice('anyOf'))).toEqual(['union-branch-added', 'union-branch-added'])
  })

  it('still reports the value where the same schema pair is reached outside the union', () => {
    // One pair (Details in A, Details in B), reached first inside the union, then at `b`.
    const sharedA = details('alipay', 'alma')
    const sharedB = details('alipay')
    const a = schema({ type: 'object', properties: { a: schema({ oneOf: [card, sharedA] }), b: sharedA } })
    const b = schema({ type: 'object', properties: { a: schema({ oneOf: [card, sharedB, alma()] }), b: sharedB } })
    expect(summary(diff(a, b, 'request'))).toEqual(['union-branch-added a', 'enum-value-removed b.type alma'])
  })
})

describe('diffSchemas: sharing, cycles and memoization', () => {
  it('terminates on recursive schemas and reports a change once, at its first path', () => {
    const node = (extra: Schema) => {
      const n = schema({ name: 'Node', type: 'object', properties: { value: extra } })
      link(n, 'next', n)
      const list = schema({ type: 'array' })
      linkItems(list, n)
      link(n, 'children', list)
      return n
    }
    const changes = diff(node(str()), node(schema({ type: 'integer' })))
    expect(summary(changes)).toEqual(['type-changed value changed'])
  })

  it('terminates on mutual recursion and finds changes behind the cycle', () => {
    const build = (extra: boolean) => {
      const person = schema({ name: 'Person', type: 'object', properties: extra ? { age: str() } : {} })
      const pet = schema({ name: 'Pet', type: 'object' })
      link(pet, 'owner', person)
      link(person, 'pets', schema({ type: 'array', items: pet }))
      return { pet, person }
    }
    const a = build(false)
    const b = build(true)
    const differ = createSchemaDiffer({ before: 'response', after: 'response' })
    expect(summary(differ.diff(a.pet, b.pet))).toEqual(['property-added owner age'])
    expect(summary(differ.diff(a.person, b.person))).toEqual(['property-added  age'])
  })

  it('compares each schema pair once however many places use it', () => {
    const shared = () => schema({ name: 'Address', type: 'object', properties: { zip: str(), city: str() } })
    const order = (address: Schema) => schema({ type: 'object', properties: { billing: address, shipping: address } })
    const differ = createSchemaDiffer({ before: 'response', after: 'response' })
    const addressA = shared()
    const addressB = schema({ name: 'Address', type: 'object', properties: { zip: str() } })
    const changes = differ.diff(order(addressA), order(addressB))
    // order and Address (zip is identical, so skipped): the second use of Address links to the same pair.
    expect(differ.pairsCompared).toBe(2)
    expect(summary(changes)).toEqual(['property-removed billing city'])
    differ.diff(addressA, addressB)
    expect(differ.pairsCompared).toBe(2)
  })

  it('skips structurally identical parts whole, recursive ones included', () => {
    const tree = (leaf: Schema) => {
      const node = schema({ name: 'Tree', type: 'object', properties: { label: str(), count: schema({ type: 'integer' }) } })
      link(node, 'children', schema({ type: 'array', items: node }))
      return schema({ type: 'object', properties: { tree: node, leaf } })
    }
    const differ = createSchemaDiffer({ before: 'response', after: 'response' })
    expect(summary(differ.diff(tree(str()), tree(str({ format: 'uuid' }))))).toEqual(['format-changed leaf narrowed'])
    expect(differ.pairsCompared).toBe(2)
  })

  it('gives the same answer when asked twice, without comparing again', () => {
    const differ = createSchemaDiffer({ before: 'request', after: 'request' })
    const a = schema({ type: 'object', properties: { x: str() } })
    const b = schema({ type: 'object', properties: { x: schema({ type: 'integer' }) } })
    const first = differ.diff(a, b)
    const count = differ.pairsCompared
    expect(differ.diff(a, b)).toBe(first)
    expect(differ.pairsCompared).toBe(count)
  })
})
