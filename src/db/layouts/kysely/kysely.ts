import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { inputError } from '../../../core/errors.js'
import type { MigrationFile } from '../../migration-file.js'
import type { MigrationLayout } from '../migration-layout.js'

const moduleFile = /\.(ts|mts|js|mjs)$/

function isMigrationModule(name: string): boolean {
  return moduleFile.test(name) && !name.endsWith('.d.ts') && !/\.test\.|\.spec\./.test(name)
}

/**
 * Runs a Kysely migration's `up(db)` against a Kysely whose driver only records the compiled SQL,
 * and returns that SQL as the migration's text (one statement per line block).
 */
export async function readKyselyMigration(path: string): Promise<MigrationFile> {
  // Loaded here, not at startup: kysely and the TypeScript compiler are only needed for Kysely folders.
  const [{ importMigrationModule }, { recordingKysely }] = await Promise.all([
    import('./load-module.js'),
    import('./recording-dialect.js'),
  ])
  const module = await importMigrationModule(path)
  const up = module['up']
  if (typeof up !== 'function') throw inputError(path, 'a Kysely migration must export an `up(db)` function')
  const sink: string[] = []
  const db = recordingKysely(sink)
  try {
    await (up as (db: unknown) => Promise<void>)(db)
  } catch (error) {
    throw inputError(path, `up(db) failed without a database: ${(error as Error).message.split('\n')[0]}`)
  } finally {
    await db.destroy()
  }
  const statements = sink.filter((s) => s !== 'BEGIN' && s !== 'COMMIT' && s !== 'ROLLBACK')
  return { path, text: statements.map((s) => `${s};\n`).join(''), transactional: true }
}

/** Kysely's FileMigrationProvider folder: modules exporting `up(db)`, in name order; one transaction each. */
export const kyselyLayout: MigrationLayout = {
  name: 'kysely',
  transactional: true,
  detect: (_dir, entries) => entries.some(isMigrationModule) && !entries.some((e) => e.endsWith('.sql')),
  async read(dir) {
    const names = readdirSync(dir).filter(isMigrationModule).sort()
    const files: MigrationFile[] = []
    for (const name of names) files.push(await readKyselyMigration(join(dir, name)))
    return files
  },
}
