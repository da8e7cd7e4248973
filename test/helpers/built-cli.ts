import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The project's root folder. */
export const projectRoot = join(import.meta.dirname, '..', '..')

/** The CLI as users run it: the bin, which runs the bundle (or dist/src when the bundle is older). */
export const cliBin = join(projectRoot, 'bin', 'rollsafe.cjs')

/** Whether the CLI is built (npm test builds it first); tests of the built CLI skip, with a warning, when it is not. */
export const cliBuilt = existsSync(join(projectRoot, 'dist', 'src', 'cli', 'main.js'))
