import { readFileSync } from 'node:fs'
import { inputError } from './errors.js'

/**
 * A file the user named, as UTF-8 text; one that cannot be read is an input error naming it
 * (`schema.sql: cannot read: ENOENT`). Synchronous: a CLI run reads its inputs before anything else.
 */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw inputError(path, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}
