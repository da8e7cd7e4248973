import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../src/core/finding.js'
import { findRule } from '../src/core/registry.js'
import type { ChangeKind, Rule } from '../src/core/rule.js'
import { checkMigrationFiles } from '../src/db/check-db.js'
import type { MigrationFile } from '../src/db/migration-file.js'
import type { FixtureCase } from './fixture-cases.js'
import { isHistoryCase, runHistoryCase } from './helpers/history-cases.js'

/**
 * `options.json` keys a db case understands. `transactional`: the runner wraps the file (Prisma,
 * Flyway…). `alsoRun`: rules that run beside the case's own (whose findings alone are compared).
 */
export const dbCaseOptions = ['today', 'pgVersion', 'assumeInTransaction', 'vars', 'transactional', 'alsoRun']

function read(fixtureCase: FixtureCase, name: string, transactional = false): MigrationFile | undefined {
  const path = join(fixtureCase.dir, name)
  if (!existsSync(path)) return undefined
  return { path, text: readFileSync(path, 'utf8'), transactional }
}

/**
 * A database case: `schema.sql` (optional) replayed as history, `migration.sql` checked, running
 * only `rule`. Paths stay relative to the project root, like the API cases. Cases with `base.sql`
 * or `live.sql` compare two records of a history instead (test/helpers/history-cases.ts).
 */
export async function runDbCase(fixtureCase: FixtureCase, rule: Rule<ChangeKind>): Promise<ReadonlyArray<Finding>> {
  if (isHistoryCase(fixtureCase.dir)) return runHistoryCase(rule, process.cwd(), fixtureCase.dir, fixtureCase.today)
  const { today: _today, transactional, alsoRun, ...options } = fixtureCase.options as Record<string, unknown>
  const beside = ((alsoRun as ReadonlyArray<string> | undefined) ?? []).map((id) => {
    const other = findRule(id)
    if (other === undefined) throw new Error(`${fixtureCase.dir}: alsoRun names no rule: ${id}`)
    return other
  })
  const migration = read(fixtureCase, 'migration.sql', transactional === true)
  if (migration === undefined) throw new Error(`${fixtureCase.dir}: migration.sql is missing`)
  const schema = read(fixtureCase, 'schema.sql')
  const { findings } = await checkMigrationFiles(
    [migration],
    { today: fixtureCase.today, rules: [rule, ...beside], ...options },
    schema === undefined ? [] : [schema],
  )
  return beside.length === 0 ? findings : findings.filter((f) => f.rule === rule.id)
}
