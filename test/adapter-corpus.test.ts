import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateAdapter } from '../src/generate/adapter/generate-adapter.js'
import { writeAdapter } from '../src/generate/adapter/write-output.js'
import { runGeneratedTests, scratchDir, strictDiagnostics } from './adapter-support.js'

const corpus = '../shared/corpus/openapi'
const present = existsSync(corpus)
if (!present) console.warn(`adapter-corpus.test.ts: ${corpus} is absent, skipping the adapters of the real corpus`)

const pairs = ['supabase-auth', 'adyen-checkout-v71'] as const

describe.skipIf(!present)('rollsafe adapter on the real corpus', () => {
  const out = present ? scratchDir('adapter-corpus') : ''
  afterAll(() => {
    if (out !== '') rmSync(out, { recursive: true, force: true })
  })

  it.each(pairs)('%s: the generated layer compiles under the strict options', async (name) => {
    const adapter = await generateAdapter(join(corpus, name, 'old.yaml'), join(corpus, name, 'new.yaml'))
    writeAdapter(join(out, name), adapter.files, { check: false })
    expect(strictDiagnostics(join(out, name))).toEqual([])
    expect(adapter.plan.converters.length).toBeGreaterThan(0)
  }, 300_000)

  it('its generated tests fail only where a stub waits for a person', async () => {
    const report = await runGeneratedTests(out)
    expect(report.testResults).toHaveLength(pairs.length)
    expect(report.numPassedTests).toBeGreaterThan(20)
    const failures = report.testResults.flatMap((file) =>
      file.assertionResults.filter((a) => a.status !== 'passed').map((a) => `${a.title}: ${a.failureMessages[0]?.split('\n')[0]}`),
    )
    for (const failure of failures) expect(failure).toMatch(/not implemented: /)
  }, 300_000)
})
