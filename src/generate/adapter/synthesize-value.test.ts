import { describe, expect, it } from 'vitest'
import type { Schema } from '../../api/model.js'
import { link, schema } from '../../api/test-support/make-schema.js'
import { synthesizeValue } from './synthesize-value.js'

describe('synthesizeValue', () => {
  it('fills every property, honouring defaults, enums, formats and bounds', () => {
    const value = synthesizeValue(
      schema({
        type: 'object',
        required: ['id'],
        properties: {
          id: schema({ type: 'integer', bounds: { minimum: 10 } }),
          when: schema({ type: 'string', format: 'date-time' }),
          code: schema({ type: 'string', bounds: { minLength: 6, maxLength: 6 } }),
          kind: schema({ type: 'string', enum: ['cat', 'dog'] }),
          size: schema({ type: 'number', default: 2.5 }),
          tags: schema({ type: 'array', items: schema({ type: 'boolean' }) }),
        },
      }),
    )
    expect(value).toEqual({ id: 10, when: '2024-01-01T00:00:00Z', code: 'textxx', kind: 'cat', size: 2.5, tags: [true] })
  })

  it('ends on recursive schemas', () => {
    const node: Schema = schema({ type: 'object', required: ['name'], properties: { name: schema({ type: 'string' }) } })
    link(node, 'children', schema({ type: 'array', items: node }))
    link(node, 'parent', node)
    expect(synthesizeValue(node)).toEqual({ name: 'text', children: [] })
  })
})
