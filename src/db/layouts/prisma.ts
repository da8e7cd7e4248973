import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { MigrationLayout } from './migration-layout.js'
import { readMigrationFiles } from './read-files.js'

/** Prisma Migrate: `<timestamp>_<name>/migration.sql` folders in name order; one transaction per file. */
export const prismaLayout: MigrationLayout = {
  name: 'prisma',
  transactional: true,
  detect: (dir, entries) => entries.some((e) => /^\d+_/.test(e) && existsSync(join(dir, e, 'migration.sql'))),
  async read(dir) {
    const entries = readdirSync(dir).sort()
    const names = entries.filter((e) => existsSync(join(dir, e, 'migration.sql'))).map((e) => join(e, 'migration.sql'))
    return readMigrationFiles(dir, names, true)
  },
}
