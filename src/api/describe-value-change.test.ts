import { describe, expect, it } from 'vitest'
import type { ChangeOf } from '../core/rule.js'
import { describeBranch, describeDefaultChange, describeEnumLimit } from './describe-value-change.js'
import type { Schema } from './model.js'
import { schema } from './test-support/make-schema.js'

const site = {
  operation: 'POST /pets',
  label: 'POST /pets',
  at: { file: 'new.yaml' },
  direction: 'request',
  subject: { kind: 'body', mediaType: 'application/json' },
  path: ['status'],
} as const

function change<K extends 'enum-added' | 'default-changed' | 'union-branch-added'>(
  kind: K,
  before: Schema,
  after: Schema,
  extra: object = {},
): ChangeOf<K> {
  return { ...site, kind, before, after, ...extra } as unknown as ChangeOf<K>
}

describe('describing value changes', () => {
  it('lists the values of a new enum, counting those past the fifth', () => {
    expect(describeEnumLimit(change('enum-added', schema(), schema({ enum: ['available', 'sold'] })))).toBe(
      'limited to `available`, `sold`',
    )
    const many = schema({ enum: [1, 2, 3, 4, 5, 6, 7] })
    expect(describeEnumLimit(change('enum-added', schema(), many))).toBe('limited to `1`, `2`, `3`, `4`, `5` and 2 more')
  })

  it('says whether a default was added, removed or changed', () => {
    const none = schema()
    const asc = schema({ default: 'asc' })
    const desc = schema({ default: 'desc' })
    expect(describeDefaultChange(change('default-changed', none, asc))).toBe('default `asc` added')
    expect(describeDefaultChange(change('default-changed', asc, none))).toBe('default `asc` removed')
    expect(describeDefaultChange(change('default-changed', asc, desc))).toBe('default changed from `asc` to `desc`')
  })

  it('names a branch by its component, else by its types', () => {
    const union = schema()
    const named = change('union-branch-added', union, union, { keyword: 'oneOf', branch: schema({ name: 'Dog', type: 'object' }) })
    expect(describeBranch(named)).toBe('oneOf branch `Dog`')
    const typed = change('union-branch-added', union, union, { keyword: 'anyOf', branch: schema({ type: 'string' }) })
    expect(describeBranch(typed)).toBe('anyOf branch of type `string`')
    const bare = change('union-branch-added', union, union, { keyword: 'anyOf', branch: schema() })
    expect(describeBranch(bare)).toBe('anyOf branch')
  })
})
