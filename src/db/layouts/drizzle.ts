import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inputError } from '../../core/errors.js'
import type { MigrationLayout } from './migration-layout.js'
import { readMigrationFiles } from './read-files.js'

interface Journal {
  readonly entries?: ReadonlyArray<{ readonly idx?: number; readonly tag?: string }>
}

/** Drizzle Kit: the order comes from `meta/_journal.json` (`entries[].tag` → `<tag>.sql`); one transaction per file. */
export const drizzleLayout: MigrationLayout = {
  name: 'drizzle',
  transactional: true,
  detect: (_dir, entries) => entries.includes('meta') && entries.some((e) => e.endsWith('.sql')),
  async read(dir) {
    const journalPath = join(dir, 'meta', '_journal.json')
    let journal: Journal
    try {
      journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal
    } catch (error) {
      throw inputError(journalPath, `cannot read the Drizzle journal: ${(error as Error).message}`)
    }
    const names = [...(journal.entries ?? [])]
      .sort((a, b) => (a.idx ?? 0) - (b.idx ?? 0))
      .map((e) => `${e.tag ?? ''}.sql`)
    return readMigrationFiles(dir, names, true)
  },
}
