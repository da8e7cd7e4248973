import { describe, expect, it } from 'vitest'
import type { Schema } from '../../api/model.js'
import { link, schema } from '../../api/test-support/make-schema.js'
import { typeText } from './render-type.js'

const none = (): undefined => undefined

describe('typeText', () => {
  it('writes objects, optional and quoted keys, enums, arrays and nullable types', () => {
    const pet = schema({
      type: 'object',
      required: ['id'],
      properties: {
        id: schema({ type: 'integer' }),
        'pet-name': schema({ type: ['string', 'null'] }),
        status: schema({ type: 'string', enum: ['a', "b'c"] }),
        tags: schema({ type: 'array', items: schema({ type: 'string' }) }),
      },
    })
    expect(typeText(pet, none, true)).toBe("{ id: number; 'pet-name'?: string | null; status?: 'a' | 'b\\'c'; tags?: Array<string> }")
  })

  it('refers to named schemas by name, so recursion ends', () => {
    const node: Schema = schema({ type: 'object', name: 'Node' })
    link(node, 'next', node)
    const nameOf = (s: Schema): string | undefined => (s === node ? 'Node' : undefined)
    expect(typeText(node, nameOf, true)).toBe('{ next?: Node }')
  })

  it('writes maps, unions and intersections', () => {
    const map = schema({ type: 'object', additionalProperties: schema({ type: 'number' }) })
    expect(typeText(map, none, true)).toBe('{ [key: string]: number }')
    const union = schema({ oneOf: [schema({ type: 'string' }), schema({ type: 'integer' })] })
    expect(typeText(union, none, true)).toBe('string | number')
    const both = schema({ type: 'object', properties: { a: schema({ type: 'string' }) }, allOf: [map] })
    expect(typeText(both, none, true)).toBe('({ a?: string }) & ({ [key: string]: number })')
    expect(typeText(schema(), none, true)).toBe('unknown')
  })
})
