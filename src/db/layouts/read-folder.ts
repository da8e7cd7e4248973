import { statSync } from 'node:fs'
import { inputError } from '../../core/errors.js'
import type { MigrationFile } from '../migration-file.js'
import { layouts, readMigrations } from './detect-layout.js'

/**
 * The migrations of one folder in the named layout (`rollsafe.config.yaml`'s `layout`), or in the
 * detected one for `auto`.
 *
 * @example await readMigrationFolder('prisma/migrations', 'prisma')
 */
export async function readMigrationFolder(dir: string, layout: string): Promise<ReadonlyArray<MigrationFile>> {
  if (layout === 'auto') return readMigrations([dir])
  const named = layouts.find((l) => l.name === layout)
  if (named === undefined) throw inputError(dir, `unknown migration layout '${layout}'`)
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw inputError(dir, 'no such folder')
  return named.read(dir)
}
