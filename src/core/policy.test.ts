import { describe, expect, it } from 'vitest'
import type { Finding } from './finding.js'
import { activeRules, applyPolicy, fails, summarize, type Policy } from './policy.js'

const finding = (rule: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
  rule,
  severity,
  message: `${rule} happened`,
  area: 'api',
  location: { file: 'new.yaml', line: 3 },
  ...extra,
})

const removed = finding('operation-removed', 'error', { operation: 'DELETE /pets/{}' })
const added = finding('operation-added', 'info', { operation: 'POST /pets' })
const schema = finding('require-table-schema', 'info', { area: 'db', object: 'public.pets' })
const policy = (p: Partial<Policy>): Policy => ({ failOn: 'error', severity: {}, ignores: [], ...p })

describe('applyPolicy', () => {
  it('overrides severities and drops rules turned off', () => {
    const result = applyPolicy([removed, added], policy({ severity: { 'operation-removed': 'warning', 'operation-added': 'off' } }), '2026-01-01')
    expect(result.findings).toEqual([{ ...removed, severity: 'warning' }])
  })

  it('ignores by rule and operation, never by message, and counts what it ignored', () => {
    const other = { ...removed, operation: 'DELETE /owners/{}' }
    const ignores = [{ rule: 'operation-removed', operation: 'DELETE /pets/{}', reason: 'clients migrated' }]
    const result = applyPolicy([removed, other], policy({ ignores }), '2026-01-01')
    expect(result.findings).toEqual([other])
    expect(result.ignored).toBe(1)
  })

  it('stops applying an ignore on its expiry day and reports it as expired', () => {
    const ignore = { rule: 'operation-removed', reason: 'until the v1 sunset', expires: '2026-03-01' }
    expect(applyPolicy([removed], policy({ ignores: [ignore] }), '2026-02-28').findings).toEqual([])
    const late = applyPolicy([removed], policy({ ignores: [ignore] }), '2026-03-01')
    expect(late.findings).toEqual([removed])
    expect(late.expired).toEqual([ignore])
  })

  it('matches former ids through resolveId', () => {
    const resolveId = (id: string): string => (id === 'path-removed' ? 'operation-removed' : id)
    const result = applyPolicy([removed], policy({ severity: { 'path-removed': 'info' } }), '2026-01-01', resolveId)
    expect(result.findings[0]?.severity).toBe('info')
  })

  it('keeps opt-in rules only when the policy names them', () => {
    const isOptIn = (id: string): boolean => id === 'require-table-schema'
    expect(applyPolicy([schema], policy({}), '2026-01-01', undefined, isOptIn).findings).toEqual([])
    const named = applyPolicy([schema], policy({ severity: { 'require-table-schema': 'warning' } }), '2026-01-01', undefined, isOptIn)
    expect(named.findings).toEqual([{ ...schema, severity: 'warning' }])
  })
})

describe('fails and summarize', () => {
  it('fails at or above the threshold, never with never', () => {
    expect(fails([added], 'info')).toBe(true)
    expect(fails([added], 'warning')).toBe(false)
    expect(fails([removed], 'error')).toBe(true)
    expect(fails([removed], 'never')).toBe(false)
    expect(summarize([removed, added, added], 2)).toEqual({ error: 1, warning: 0, info: 2, ignored: 2 })
  })
})

describe('activeRules', () => {
  const rules = [{ id: 'operation-removed' }, { id: 'operation-added' }, { id: 'require-table-schema', optIn: true }]
  const findings = [removed, added, schema]

  it('keeps exactly the rules whose findings applyPolicy keeps', () => {
    const severities: ReadonlyArray<Policy['severity']> = [{}, { 'operation-added': 'off' }, { 'require-table-schema': 'warning' }, { 'former-id': 'off' }]
    for (const severity of severities) {
      const p = policy({ severity })
      const resolve = (id: string): string => (id === 'former-id' ? 'operation-removed' : id)
      const kept = new Set(applyPolicy(findings, p, '2026-01-01', resolve, (id) => id === 'require-table-schema').findings.map((f) => f.rule))
      expect(activeRules(rules, p, resolve).map((r) => r.id)).toEqual(rules.map((r) => r.id).filter((id) => kept.has(id)))
    }
  })
})
