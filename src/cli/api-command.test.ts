import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from './main.js'

// Only what fails before the documents are read: the config and the flags are wired in.
const dir = mkdtempSync(join(tmpdir(), 'rollsafe-api-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let stderr = ''
beforeEach(() => {
  stderr = ''
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => vi.restoreAllMocks())

describe('rollsafe api: config and outputs', () => {
  it('refuses an --output whose format it cannot tell', async () => {
    expect(await main(['api', 'a.yaml', 'b.yaml', '--output', 'report.html'])).toBe(2)
    expect(stderr).toMatch(/^rollsafe: --output report\.html: no format for this file ending/)
  })

  it('refuses a --config that does not exist', async () => {
    const missing = join(dir, 'missing.yaml')
    expect(await main(['api', 'a.yaml', 'b.yaml', '--config', missing])).toBe(2)
    expect(stderr).toBe(`rollsafe: ${missing}: no such config file\n`)
  })

  it('reports a config naming an unknown rule at its line, exit 2', async () => {
    const file = join(dir, 'rollsafe.config.yaml')
    writeFileSync(file, 'api: [openapi.yaml]\nrules:\n  no-such-rule: off\n')
    expect(await main(['api', 'a.yaml', 'b.yaml', '--config', file])).toBe(2)
    expect(stderr).toBe(`rollsafe: ${file}:3:3: rules: unknown rule 'no-such-rule'; \`rollsafe rules\` lists them\n`)
  })
})
