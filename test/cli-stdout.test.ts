import { execFileSync, spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { cliBin, cliBuilt, projectRoot } from './helpers/built-cli.js'
import { scratchDir } from './helpers/cli-harness.js'

// The CLI process writes its standard output with write(2) (src/cli/stdout.ts), not through process.stdout.
describe.skipIf(!cliBuilt)('the CLI process writes its output directly', () => {
  const scratch = scratchDir('rollsafe-stdout-')

  it('gives a reader that stops early no error: rollsafe rules | head -1', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${cliBin}" rules | head -1`], { cwd: projectRoot, encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toBe('')
  })

  it('sends a report of hundreds of kilobytes whole through a pipe', () => {
    const migration = scratch.file('many.sql', Array.from({ length: 3000 }, (_, i) => `alter table t${i} add column c int;`).join('\n'))
    const out = execFileSync(process.execPath, [cliBin, 'db', migration, '--format', 'json', '--fail-on', 'never'], {
      cwd: projectRoot,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    })
    expect(out.length).toBeGreaterThan(200_000)
    const report = JSON.parse(out) as { findings: unknown[] }
    expect(report.findings.length).toBeGreaterThanOrEqual(3000)
  })
})
