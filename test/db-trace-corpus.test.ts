import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDb } from '../src/db/check-db.js'
import { traceAnalyzer } from '../src/db/shadow/trace-analyzer.js'

// trigger-dev's Prisma migrations replayed on PGlite with --trace, the newest one traced.
const set = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'migrations', 'trigger-dev')
const present = existsSync(set)
if (!present) console.warn(`db --trace corpus test skipped: ${set} is absent`)

describe.skipIf(!present)('db --trace over trigger-dev', () => {
  it('replays the whole history on PGlite and traces the newest migrations', async () => {
    const migrations = readdirSync(set).filter((d) => existsSync(join(set, d, 'migration.sql'))).sort()
    expect(migrations.length).toBeGreaterThanOrEqual(820)
    const newest = migrations.slice(-2).map((d) => join(set, d, 'migration.sql'))
    const { findings } = await checkDb(newest, { today: '2026-01-01', history: [set], analyzer: traceAnalyzer() })
    // ADD COLUMN on WorkerDeployment (a table from the history) is seen taking ACCESS EXCLUSIVE;
    // the CREATE INDEX CONCURRENTLY after it runs outside a transaction and takes no such lock.
    const timeouts = findings.filter((f) => f.rule === 'require-lock-timeout')
    expect(timeouts.map((f) => [f.location.file, f.message])).toEqual([
      [newest[0], 'statement takes ACCESS EXCLUSIVE on `public.WorkerDeployment` (observed) with no lock_timeout set'],
    ])
  })
})
