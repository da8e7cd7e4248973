import { readdirSync } from 'node:fs'
import type { MigrationLayout } from './migration-layout.js'
import { readMigrationFiles } from './read-files.js'

const versioned = /^V([\d._]+)__.+\.sql$/
const repeatable = /^R__.+\.sql$/

function compareVersions(a: string, b: string): number {
  const pa = (versioned.exec(a)?.[1] ?? '').split(/[._]/).map(Number)
  const pb = (versioned.exec(b)?.[1] ?? '').split(/[._]/).map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Flyway: `V1__name.sql`, `V1.2__name.sql` in version order, then `R__` repeatables; one transaction per file. */
export const flywayLayout: MigrationLayout = {
  name: 'flyway',
  transactional: true,
  detect: (_dir, entries) => entries.some((e) => versioned.test(e)),
  async read(dir) {
    const entries = readdirSync(dir)
    const names = [
      ...entries.filter((e) => versioned.test(e)).sort(compareVersions),
      ...entries.filter((e) => repeatable.test(e)).sort(),
    ]
    return readMigrationFiles(dir, names, true)
  },
}
