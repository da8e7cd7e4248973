import { describe, expect, it } from 'vitest'
import type { ApiChange } from '../api/change.js'
import type { Operation } from '../api/model.js'
import { defineRule } from './rule.js'
import { runRules } from './run-rules.js'

const at = { file: 'new.yaml', pointer: '/components/schemas/Pet/properties/status', line: 30 }

function removal(label: string): ApiChange {
  const before = { key: 'GET /pets', method: 'GET', path: '/pets' } as unknown as Operation
  return { kind: 'operation-removed', operation: 'GET /pets', label, direction: 'none', at, before }
}

/** Reports each change's label, once or twice, always at the same place. */
const echo = defineRule({
  id: 'echo',
  area: 'api',
  on: ['operation-removed'],
  direction: 'none',
  severity: 'info',
  summary: 'Echoes the label.',
  why: 'Test rule.',
  safe: 'Nothing.',
  check(change, report) {
    report({ message: change.label, at: change.at })
    report({ message: change.label, at: change.at })
  },
})

describe('runRules', () => {
  const options = { context: { today: '2026-01-01' } }

  it('gives one finding for the same message at the same place', () => {
    const findings = runRules([removal('value `a` added'), removal('value `a` added')], [echo], options)
    expect(findings.map((finding) => finding.message)).toEqual(['value `a` added'])
  })

  it('keeps two facts reported at one place (two enum values added to one enum)', () => {
    const findings = runRules([removal('value `a` added'), removal('value `b` added')], [echo], options)
    expect(findings.map((finding) => finding.message)).toEqual(['value `a` added', 'value `b` added'])
  })
})
