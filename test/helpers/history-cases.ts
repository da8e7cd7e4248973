// Fixture cases of the rules that compare two records of a migration history instead of replaying
// one (fixtures/db/migration-edited, migration-deleted, schema-drifted):
// - `base.sql`: migration.sql as it is at the base revision (`rollsafe check --base`); no
//   migration.sql means it was deleted since;
// - `live.sql`: the live database's schema, and migration.sql the migrations applied to it
//   (`rollsafe predeploy` drift); both are replayed statically here, introspected there.
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Finding } from '../../src/core/finding.js'
import type { ChangeKind, Rule } from '../../src/core/rule.js'
import { runRules } from '../../src/core/run-rules.js'
import { analyzeMigrations } from '../../src/db/analyze.js'
import { diffMigrationHistory } from '../../src/db/migration-history.js'
import { initParser } from '../../src/db/parse-sql.js'
import { schemaDrift } from '../../src/db/schema-drift.js'

/** The revision name history cases compare with. */
export const fixtureRevision = 'base'

/** Does this case folder compare histories rather than check a migration? */
export function isHistoryCase(dir: string): boolean {
  return existsSync(join(dir, 'base.sql')) || existsSync(join(dir, 'live.sql'))
}

function text(dir: string, name: string): string | undefined {
  const file = join(dir, name)
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/** Runs one history case folder (paths relative to `root`) with `rule` only. */
export async function runHistoryCase(rule: Rule<ChangeKind>, root: string, dir: string, today: string): Promise<ReadonlyArray<Finding>> {
  const path = relative(root, join(dir, 'migration.sql'))
  const migration = text(dir, 'migration.sql')
  const base = text(dir, 'base.sql')
  const live = text(dir, 'live.sql')
  const context = { context: { today } }
  if (base !== undefined) {
    const current = migration === undefined ? [] : [{ path, text: migration }]
    return runRules(diffMigrationHistory([{ path, text: base }], current, fixtureRevision).changes, [rule], context)
  }
  await initParser()
  const replay = (file: string, sql: string | undefined) =>
    analyzeMigrations([], {}, sql === undefined ? [] : [{ path: file, text: sql, transactional: false }]).schema
  const built = replay(path, migration)
  const liveSchema = replay(relative(root, join(dir, 'live.sql')), live)
  return runRules(schemaDrift(built, liveSchema, { file: relative(root, dir) }), [rule], context)
}
