import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../src/core/finding.js'
import type { ChangeKind, Rule } from '../src/core/rule.js'
import { checkMigrationFiles } from '../src/db/check-db.js'
import type { MigrationFile } from '../src/db/migration-file.js'
import type { FixtureCase } from './fixture-cases.js'

/** `options.json` keys a db case understands. `transactional`: the runner wraps the file (Prisma, Flyway…). */
export const dbCaseOptions = ['today', 'pgVersion', 'assumeInTransaction', 'vars', 'transactional']

function read(fixtureCase: FixtureCase, name: string, transactional = false): MigrationFile | undefined {
  const path = join(fixtureCase.dir, name)
  if (!existsSync(path)) return undefined
  return { path, text: readFileSync(path, 'utf8'), transactional }
}

/**
 * A database case: `schema.sql` (optional) replayed as history, `migration.sql` checked, running
 * only `rule`. Paths stay relative to the project root, like the API cases.
 */
export async function runDbCase(fixtureCase: FixtureCase, rule: Rule<ChangeKind>): Promise<ReadonlyArray<Finding>> {
  const { today: _today, transactional, ...options } = fixtureCase.options as Record<string, unknown>
  const migration = read(fixtureCase, 'migration.sql', transactional === true)
  if (migration === undefined) throw new Error(`${fixtureCase.dir}: migration.sql is missing`)
  const schema = read(fixtureCase, 'schema.sql')
  const { findings } = await checkMigrationFiles(
    [migration],
    { today: fixtureCase.today, rules: [rule], ...options },
    schema === undefined ? [] : [schema],
  )
  return findings
}
