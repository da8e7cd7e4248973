import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, vi } from 'vitest'

/** A temp folder for one test file, removed after it; `file` writes an input there and returns its path. */
export function scratchDir(prefix: string): { readonly dir: string; file(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return {
    dir,
    file(name, text) {
      const path = join(dir, name)
      writeFileSync(path, text)
      return path
    },
  }
}

/** What the in-process CLI (`main`) wrote to stdout and stderr during the current test (a test may reset them). */
export function captureOutput(): { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '' }
  beforeEach(() => {
    io.stdout = ''
    io.stderr = ''
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((io.stderr += String(chunk)), true))
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((io.stdout += String(chunk)), true))
  })
  afterEach(() => vi.restoreAllMocks())
  return io
}
