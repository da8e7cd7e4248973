import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reportFindings } from '../../test/report-findings.js'
import { loadConfig } from '../config/load-config.js'
import type { CommonOptions } from './common-options.js'
import { finish } from './finish.js'

const dir = mkdtempSync(join(tmpdir(), 'rollsafe-finish-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let stdout = ''
let stderr = ''
beforeEach(() => {
  stdout = ''
  stderr = ''
  vi.stubEnv('ROLLSAFE_TODAY', '2026-06-01')
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

const text: CommonOptions = { format: 'text', color: false, outputs: [] }

function policyOf(yaml: string): ReturnType<typeof loadConfig>['policy'] {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.yaml`)
  writeFileSync(file, yaml)
  return loadConfig(file).policy
}

describe('finish', () => {
  it('prints the report and writes every --output file, each in its own format', () => {
    const outputs = [
      { format: 'sarif', file: join(dir, 'out', 'rollsafe.sarif') },
      { format: 'markdown', file: join(dir, 'out', 'rollsafe.md') },
      { format: 'junit', file: join(dir, 'rollsafe.xml') },
    ] as const
    const code = finish(reportFindings, 'the title', { ...text, outputs })
    expect(code).toBe(1)
    expect(stdout).toMatch(/the title: FAIL \(3 errors, 2 warnings, 2 info\)\n$/)
    const sarif = JSON.parse(readFileSync(outputs[0].file, 'utf8'))
    expect(sarif.runs[0].results).toHaveLength(reportFindings.length)
    expect(sarif.runs[0].tool.driver.name).toBe('rollsafe')
    expect(readFileSync(outputs[1].file, 'utf8')).toMatch(/^❌ \*\*rollsafe: not safe to roll out\*\* — the title\n/)
    expect(readFileSync(outputs[2].file, 'utf8')).toMatch(/^<\?xml version="1.0"/)
  })

  it("applies the config's severity overrides, ignores and failOn", () => {
    const policy = policyOf(`
failOn: warning
rules:
  response-property-removed: info
  column-dropped: off
ignore:
  - rule: operation-removed
    operation: DELETE /pets/{}
    reason: removed with the v1 clients
    expires: 2026-07-01
  - rule: request-parameter-became-required
    reason: every client sends it since March
    expires: 2026-06-01
`)
    const code = finish(reportFindings, 'policy', { ...text, format: 'json' }, policy)
    const { findings, summary } = JSON.parse(stdout)
    const severityOf = (rule: string): string | undefined =>
      findings.find((f: { rule: string }) => f.rule === rule)?.severity
    expect(severityOf('response-property-removed')).toBe('info')
    expect(severityOf('column-dropped')).toBeUndefined()
    expect(severityOf('operation-removed')).toBeUndefined()
    // Expired on the day it names: it no longer applies, and stderr says so.
    expect(severityOf('request-parameter-became-required')).toBe('warning')
    expect(stderr).toBe(
      'rollsafe: warning: the ignore of request-parameter-became-required (every client sends it since March) expired on 2026-06-01 and no longer applies\n',
    )
    expect(summary).toEqual({ error: 0, warning: 2, info: 3, ignored: 1, failed: true })
    expect(code).toBe(1)
  })

  it('lets --fail-on override the config', () => {
    const policy = policyOf('failOn: info\n')
    expect(finish(reportFindings, 'x', { ...text, failOn: 'never' }, policy)).toBe(0)
    expect(finish(reportFindings, 'x', text, policy)).toBe(1)
    expect(
      finish(
        reportFindings.filter((f) => f.severity === 'info'),
        'x',
        text,
      ),
    ).toBe(0)
  })

  it('appends the markdown job summary for the github format when GITHUB_STEP_SUMMARY is set', () => {
    const summary = join(dir, 'step-summary.md')
    writeFileSync(summary, '# earlier step\n')
    finish(reportFindings, 'gh', { ...text, format: 'github', stepSummary: summary })
    expect(stdout.split('\n')[0]).toMatch(
      /^::error file=db\/migrations\/0007_drop legacy%2C users%3A ü\.sql,line=3,col=1,/,
    )
    const written = readFileSync(summary, 'utf8')
    expect(written).toMatch(/^# earlier step\n❌ \*\*rollsafe: not safe to roll out\*\* — gh\n/)
    finish(reportFindings, 'plain', { ...text, stepSummary: summary })
    expect(readFileSync(summary, 'utf8')).toBe(written)
  })
})
