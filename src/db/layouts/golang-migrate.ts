import { readdirSync } from 'node:fs'
import { compareNumbered, type MigrationLayout } from './migration-layout.js'
import { readMigrationFiles } from './read-files.js'

const upFile = /^\d+_.+\.up\.sql$/

/** golang-migrate: `<version>_<name>.up.sql` (`.down.sql` skipped), in version order, autocommit unless BEGIN/COMMIT. */
export const golangMigrateLayout: MigrationLayout = {
  name: 'golang-migrate',
  transactional: false,
  detect: (_dir, entries) => entries.some((e) => upFile.test(e)),
  async read(dir) {
    const names = (readdirSync(dir)).filter((e) => upFile.test(e)).sort(compareNumbered)
    return readMigrationFiles(dir, names, false)
  },
}
