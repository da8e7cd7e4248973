import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { MigrationFile } from '../migration-file.js'

/** Reads the named files of a folder, in the given order. */
export async function readMigrationFiles(
  dir: string,
  names: ReadonlyArray<string>,
  transactional: boolean,
): Promise<ReadonlyArray<MigrationFile>> {
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name)
      return { path, text: await readFile(path, 'utf8'), transactional }
    }),
  )
}
