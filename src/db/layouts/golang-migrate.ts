import { readdirSync } from 'node:fs'
import { compareNumbered, type MigrationLayout } from './migration-layout.js'
import { readMigrationFiles } from './read-files.js'

const upFile = /^\d+_.+\.up\.sql$/

/** A golang-migrate up migration's file name (`3_add_index.up.sql`). */
export const isGolangMigrateUp = (name: string): boolean => upFile.test(name)

/**
 * golang-migrate: `<version>_<name>.up.sql` (`.down.sql` skipped), in version order. Its PostgreSQL
 * drivers send a file as one query, which PostgreSQL runs as one implicit transaction (a file of one
 * statement runs alone; BEGIN/COMMIT in the file take over): golang-migrate/migrate#581.
 */
export const golangMigrateLayout: MigrationLayout = {
  name: 'golang-migrate',
  transactional: true,
  detect: (_dir, entries) => entries.some((e) => upFile.test(e)),
  async read(dir) {
    const names = readdirSync(dir).filter((e) => upFile.test(e)).sort(compareNumbered)
    return readMigrationFiles(dir, names, true)
  },
}
