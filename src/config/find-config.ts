import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { InputError } from '../core/errors.js'
import { configFileNames } from './config.js'

/**
 * The nearest `rollsafe.config.yaml` (`.yml`, `.json`) in `start` or a folder above it, or
 * undefined. Two of them in one folder is an InputError: which one counts would be a guess.
 *
 * @example findConfig(process.cwd()) // '/repo/rollsafe.config.yaml'
 */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start)
  for (;;) {
    const present = configFileNames.map((name) => join(dir, name)).filter((file) => existsSync(file))
    if (present.length > 1) {
      throw new InputError(`${dir}: both ${present.map((f) => f.slice(dir.length + 1)).join(' and ')}; keep one`)
    }
    if (present[0] !== undefined) return present[0]
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}
