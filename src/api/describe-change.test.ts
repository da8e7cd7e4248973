import { describe, expect, it } from 'vitest'
import type { ChangeOf } from '../core/rule.js'
import {
  describeBoundChange,
  describeFormatChange,
  describePatternChange,
  describePropertySite,
  describeTypeChange,
  schemaMessage,
} from './describe-change.js'
import type { Schema } from './model.js'

function schema(extra: Partial<Schema> = {}): Schema {
  return {
    id: 1,
    ref: { file: 'a.yaml' },
    bounds: {},
    uniqueItems: false,
    properties: new Map(),
    required: new Set(),
    additionalProperties: true,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    hasDefault: false,
    ...extra,
  }
}

const base = {
  operation: 'GET /pets/{}',
  label: 'GET /pets/{petId}',
  at: { file: 'new.yaml' },
  direction: 'response',
  subject: { kind: 'body', mediaType: 'application/json' },
  status: '200',
  path: ['age'],
  before: schema(),
  after: schema(),
} as const

function change<C>(c: Partial<C>): C {
  return { ...base, ...c } as unknown as C
}

function bound(keyword: ChangeOf<'bound-changed'>['keyword'], from?: number, to?: number) {
  return change<ChangeOf<'bound-changed'>>({ kind: 'bound-changed', keyword, from, to, effect: 'changed' })
}

describe('describing schema changes', () => {
  it('states bound changes with the keyword and both values', () => {
    expect(describeBoundChange(bound('maxLength', 10, 20))).toBe('maxLength increased from `10` to `20`')
    expect(describeBoundChange(bound('minimum', 0))).toBe('minimum `0` removed')
    expect(describeBoundChange(bound('maxItems', undefined, 5))).toBe('maxItems `5` added')
    expect(describeBoundChange(bound('multipleOf', 2, 3))).toBe('multipleOf changed from `2` to `3`')
  })

  it('states format, pattern and type changes from the two schemas', () => {
    const format = change<ChangeOf<'format-changed'>>({
      kind: 'format-changed',
      before: schema({ format: 'date' }),
      after: schema({ format: 'date-time' }),
    })
    expect(describeFormatChange(format)).toBe('format changed from `date` to `date-time`')
    const pattern = change<ChangeOf<'pattern-changed'>>({ kind: 'pattern-changed', before: schema({ pattern: '^[a-z]+$' }) })
    expect(describePatternChange(pattern)).toBe('pattern `^[a-z]+$` removed')
    const type = change<ChangeOf<'type-changed'>>({
      kind: 'type-changed',
      effect: 'widened',
      beforeTypes: new Set(['integer']),
      afterTypes: new Set(['integer', 'string']),
    })
    expect(describeTypeChange(type)).toBe('type widened from `integer` to `integer or string`')
    expect(schemaMessage(type, describeTypeChange(type))).toBe(
      'GET /pets/{petId}: response 200 property `age` type widened from `integer` to `integer or string`',
    )
  })

  it('names the property itself for property-level changes', () => {
    const removed = change<ChangeOf<'property-removed'>>({ kind: 'property-removed', path: ['owner'], name: 'name' })
    expect(describePropertySite(removed)).toBe('response 200 property `owner.name`')
  })
})
