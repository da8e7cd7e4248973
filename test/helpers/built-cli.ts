import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The project's root folder. */
export const projectRoot = join(import.meta.dirname, '..', '..')

/** The CLI as users run it: the bin, which runs the bundle (or dist/src when the bundle is older). */
export const cliBin = join(projectRoot, 'bin', 'rollsafe.cjs')

/** Whether the CLI is built (npm test builds it first); tests of the built CLI skip, with a warning, when it is not. */
export const cliBuilt = existsSync(join(projectRoot, 'dist', 'src', 'cli', 'main.js'))

/** A finished CLI run: exit code and output. */
export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built CLI in `cwd` with the date pinned (2026-01-01) and no GitHub job summary. */
export function runCli(cwd: string, args: ReadonlyArray<string>): Promise<CliRun> {
  return new Promise((resolve) => {
    const env = { ...process.env, ROLLSAFE_TODAY: '2026-01-01', GITHUB_STEP_SUMMARY: '' }
    execFile(process.execPath, [cliBin, ...args], { cwd, env, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr })
    })
  })
}
