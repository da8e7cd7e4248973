import { describe, expect, it } from 'vitest'
import { typeChangeFacts } from './type-change.js'
import { makeTypeRef as t } from './type-ref.js'

const facts = (from: ReturnType<typeof t>, to: ReturnType<typeof t>, plain = true) => {
  const f = typeChangeFacts(from, to, plain)
  return `${f.compatibility}${f.rewrite ? ' rewrite' : ''}`
}

describe('typeChangeFacts', () => {
  it('knows the binary-coercible widenings', () => {
    expect(facts(t('varchar', [32]), t('varchar', [64]))).toBe('widened')
    expect(facts(t('varchar', [32]), t('varchar'))).toBe('widened')
    expect(facts(t('varchar', [32]), t('text'))).toBe('widened')
    expect(facts(t('text'), t('varchar'))).toBe('widened')
    expect(facts(t('numeric', [10, 2]), t('numeric', [12, 2]))).toBe('widened')
    expect(facts(t('numeric', [10, 2]), t('numeric'))).toBe('widened')
    expect(facts(t('varbit', [8]), t('varbit', [16]))).toBe('widened')
    expect(facts(t('cidr'), t('inet'))).toBe('widened')
    expect(facts(t('timestamptz', [3]), t('timestamptz', [6]))).toBe('widened')
  })

  it('rewrites for narrowing, scale changes, integer widening and other types', () => {
    expect(facts(t('varchar', [64]), t('varchar', [32]))).toBe('changed rewrite')
    expect(facts(t('text'), t('varchar', [10]))).toBe('changed rewrite')
    expect(facts(t('numeric', [10, 2]), t('numeric', [12, 3]))).toBe('changed rewrite')
    expect(facts(t('int8'), t('int4'))).toBe('changed rewrite')
    expect(facts(t('json'), t('jsonb'))).toBe('changed rewrite')
    expect(facts(t('bpchar', [2]), t('bpchar', [4]))).toBe('changed rewrite')
  })

  it('calls integer and float widening widened for version A, though the table is rewritten', () => {
    expect(facts(t('int4'), t('int8'))).toBe('widened rewrite')
    expect(facts(t('int2'), t('int4'))).toBe('widened rewrite')
    expect(facts(t('float4'), t('float8'))).toBe('widened rewrite')
    expect(facts(t('int8'), t('float8'))).toBe('changed rewrite')
  })

  it('keeps the same type as it is, unless USING computes something', () => {
    expect(facts(t('text'), t('text'))).toBe('same')
    expect(facts(t('text'), t('text'), false)).toBe('changed rewrite')
    expect(typeChangeFacts(undefined, t('text'), true).compatibility).toBe('unknown')
  })

  it('gives timestamp ↔ timestamptz its own lock action (no rewrite in UTC on PG12+)', () => {
    expect(typeChangeFacts(t('timestamp'), t('timestamptz'), true).action).toBe('type-change-timestamptz')
  })
})
