import { describe, expect, it } from 'vitest'
import type { Schema } from './model.js'
import { ShapeIndex } from './shape-index.js'
import { link, schema } from './test-support/make-schema.js'

const str = (extra = {}) => schema({ type: 'string', ...extra })

describe('ShapeIndex', () => {
  it('finds schemas built apart the same, whatever the order of properties, enum values or required', () => {
    const a = schema({ type: 'object', properties: { a: str(), b: str({ enum: ['x', 'y'] }) }, required: ['a', 'b'] })
    const b = schema({ type: 'object', properties: { b: str({ enum: ['y', 'x'] }), a: str() }, required: ['b', 'a'] })
    expect(new ShapeIndex().same(a, b)).toBe(true)
  })

  it('tells apart schemas that differ in any compared keyword, deep inside too', () => {
    const shapes = new ShapeIndex()
    const deep = (leaf: Schema) => schema({ type: 'object', properties: { x: schema({ type: 'array', items: leaf }) } })
    expect(shapes.same(deep(str()), deep(str({ deprecated: true })))).toBe(false)
    expect(shapes.same(deep(str()), deep(str({ default: 'a' })))).toBe(false)
    expect(shapes.same(deep(str()), deep(str({ bounds: { maxLength: 1 } })))).toBe(false)
  })

  it('is not fooled by separators inside names and values', () => {
    const shapes = new ShapeIndex()
    expect(shapes.same(schema({ required: ['a,b'] }), schema({ required: ['a', 'b'] }))).toBe(false)
    expect(shapes.same(str({ enum: ['a","b'] }), str({ enum: ['a', 'b'] }))).toBe(false)
    const props = (names: string[]) => schema({ properties: Object.fromEntries(names.map((n) => [n, str()])) })
    expect(shapes.same(props(['a=1,b']), props(['a', 'b']))).toBe(false)
  })

  it('tells leaf properties apart by every keyword, additionalProperties included', () => {
    const shapes = new ShapeIndex()
    const holder = (leaf: Schema) => schema({ type: 'object', properties: { leaf } })
    expect(shapes.same(holder(schema({ additionalProperties: false })), holder(schema({})))).toBe(false)
    expect(shapes.same(holder(str({ pattern: 'a' })), holder(str({ pattern: 'a' })))).toBe(true)
    expect(shapes.same(holder(str({ pattern: 'a;' })), holder(str({ pattern: 'a' })))).toBe(false)
  })

  it('looks behind named components: same name, different content is not the same', () => {
    const holder = (pet: Schema) => schema({ type: 'object', properties: { pet } })
    const shapes = new ShapeIndex()
    expect(shapes.same(holder(schema({ name: 'Pet', type: 'object' })), holder(schema({ name: 'Pet', type: 'string' })))).toBe(false)
    expect(shapes.same(holder(schema({ name: 'Pet', type: 'object' })), holder(schema({ name: 'Pet', type: 'object' })))).toBe(true)
  })

  it('decides recursive schemas, a difference behind the cycle included', () => {
    const list = (value: Schema) => {
      const node = schema({ name: 'Node', type: 'object', properties: { value } })
      link(node, 'next', node)
      return node
    }
    const shapes = new ShapeIndex()
    expect(shapes.same(list(str()), list(str()))).toBe(true)
    expect(shapes.same(list(str()), list(schema({ type: 'integer' })))).toBe(false)
  })

  it('does not keep an answer that rested on a pair later found different', () => {
    // Outer refers to Inner, Inner back to Outer; Outer also differs in a leaf checked after Inner.
    const build = (leaf: Schema) => {
      const outer = schema({ name: 'Outer', type: 'object' })
      const inner = schema({ name: 'Inner', type: 'object', properties: { outer } })
      link(outer, 'a', inner)
      link(outer, 'z', schema({ name: 'Leaf', type: 'object', properties: { v: leaf } }))
      return { outer, inner }
    }
    const a = build(str())
    const b = build(schema({ type: 'integer' }))
    const shapes = new ShapeIndex()
    expect(shapes.same(a.outer, b.outer)).toBe(false)
    expect(shapes.same(a.inner, b.inner)).toBe(false)
  })

  it('never finds an unnamed schema that contains itself the same as another', () => {
    const loop = () => {
      const node = schema({ type: 'object' })
      link(node, 'self', node)
      return node
    }
    const shapes = new ShapeIndex()
    const one = loop()
    expect(shapes.same(one, one)).toBe(true)
    expect(shapes.same(one, loop())).toBe(false)
  })
})
