import { readdirSync } from 'node:fs'
import type { MigrationFile } from '../migration-file.js'
import type { MigrationLayout } from './migration-layout.js'
import { readMigrationFiles } from './read-files.js'

const upMarker = /^--\s*Up Migration\s*$/im
const downMarker = /^--\s*Down Migration\s*$/im

/**
 * The `-- Up Migration` part of a node-pg-migrate SQL file; the `-- Down Migration` part becomes blank
 * lines so that line numbers stay those of the file.
 */
export function upSection(text: string): string {
  const down = downMarker.exec(text)
  if (down === null) return text
  return text.slice(0, down.index) + text.slice(down.index).replace(/[^\n]/g, '')
}

/** node-pg-migrate SQL migrations (`-- Up Migration` / `-- Down Migration`), in name order; one transaction each. */
export const nodePgMigrateLayout: MigrationLayout = {
  name: 'node-pg-migrate',
  transactional: true,
  detect: () => false, // recognised by content in read-migrations.ts: the markers are inside the files
  async read(dir) {
    const names = readdirSync(dir).filter((e) => e.endsWith('.sql')).sort()
    const files = await readMigrationFiles(dir, names, true)
    return files.map((f): MigrationFile => ({ ...f, text: upSection(f.text) }))
  },
}

export function isNodePgMigrateSql(text: string): boolean {
  return upMarker.test(text)
}
