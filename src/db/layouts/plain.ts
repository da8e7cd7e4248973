import { readdirSync } from 'node:fs'
import { compareNumbered, type MigrationLayout } from './migration-layout.js'
import { readMigrationFiles } from './read-files.js'

/** Plain numbered `.sql` files (`001_init.sql`), applied in number order, each statement autocommitted (psql -f). */
export const plainLayout: MigrationLayout = {
  name: 'plain',
  transactional: false,
  detect: (_dir, entries) => entries.some((e) => e.endsWith('.sql')),
  async read(dir) {
    const names = readdirSync(dir).filter((e) => e.endsWith('.sql') && !e.endsWith('.down.sql')).sort(compareNumbered)
    return readMigrationFiles(dir, names, false)
  },
}
