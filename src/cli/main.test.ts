import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { captureOutput } from '../../test/helpers/cli-harness.js'
import { main } from './main.js'

const io = captureOutput()
const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version

describe('main', () => {
  it('prints the version for --version, -v and version', async () => {
    for (const flag of ['--version', '-v', 'version']) {
      io.stdout = ''
      expect(await main([flag])).toBe(0)
      expect(io.stdout).toBe(`rollsafe ${version}\n`)
    }
  })

  it('names an unknown command and shows the usage, exit 2', async () => {
    expect(await main(['lint'])).toBe(2)
    expect(io.stderr).toMatch(/^rollsafe: unknown command 'lint'\n/)
    expect(io.stderr).toContain('rollsafe --version')
  })
})
