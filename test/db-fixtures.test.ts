import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findRule, rulesOf } from '../src/core/registry.js'
import { checkMigrationFiles } from '../src/db/check-db.js'
import type { MigrationFile } from '../src/db/migration-file.js'
import { isHistoryCase, runHistoryCase } from './helpers/history-cases.js'

// Golden tests for fixtures/db/<rule>/<case>/: schema.sql (optional, replayed as history),
// migration.sql (checked), options.json (optional), expected.json (`npx vitest run -u` rewrites it).
// Cases with base.sql or live.sql compare histories instead (test/helpers/history-cases.ts).
const root = join(import.meta.dirname, '..')
const fixtures = join(root, 'fixtures', 'db')

interface CaseOptions {
  readonly pgVersion?: number
  readonly assumeInTransaction?: boolean
  readonly vars?: Record<string, string>
  /** The runner wraps migration.sql in one transaction (as Prisma, Flyway, Drizzle, Kysely do). */
  readonly transactional?: boolean
}

const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : [])

function read(dir: string, name: string, transactional = false): MigrationFile | undefined {
  const file = join(dir, name)
  if (!existsSync(file)) return undefined
  return { path: relative(root, file), text: readFileSync(file, 'utf8'), transactional }
}

async function runCase(ruleId: string, dir: string) {
  const optionsFile = join(dir, 'options.json')
  const options: CaseOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}
  if (isHistoryCase(dir)) return runHistoryCase(findRule(ruleId)!, root, dir, '2026-01-01')
  const migration = read(dir, 'migration.sql', options.transactional)
  if (migration === undefined) throw new Error(`${relative(root, dir)}: migration.sql is missing`)
  const schema = read(dir, 'schema.sql')
  const rule = findRule(ruleId)!
  const { findings } = await checkMigrationFiles(
    [migration],
    { today: '2026-01-01', rules: [rule], ...options },
    schema === undefined ? [] : [schema],
  )
  return findings
}

const ruleDirs = list(fixtures)

describe('db fixtures', () => {
  it('every db rule has a fixture folder with a reporting case and an ok- case', () => {
    for (const rule of rulesOf('db')) {
      const cases = list(join(fixtures, rule.id))
      expect(cases.some((c) => c.startsWith('ok-')), `${rule.id}: no ok- case`).toBe(true)
      expect(cases.some((c) => !c.startsWith('ok-')), `${rule.id}: no reporting case`).toBe(true)
    }
  })

  it('every fixture folder is named after a db rule, and no two cases share their inputs', () => {
    const seen = new Map<string, string>()
    for (const id of ruleDirs) {
      expect(findRule(id)?.area, `fixtures/db/${id}: no db rule has this id`).toBe('db')
      for (const c of list(join(fixtures, id))) {
        const dir = join(fixtures, id, c)
        const inputs = ['schema.sql', 'migration.sql', 'options.json', 'base.sql', 'live.sql'].map((f) => read(dir, f)?.text ?? '').join('\u0000')
        const key = `${id}\u0000${inputs}`
        expect(seen.get(key), `${id}/${c} has the same inputs as ${seen.get(key)}`).toBeUndefined()
        seen.set(key, c)
      }
    }
  })

  for (const id of ruleDirs) {
    describe(id, () => {
      for (const name of list(join(fixtures, id))) {
        it(name, async () => {
          const dir = join(fixtures, id, name)
          const findings = await runCase(id, dir)
          if (name.startsWith('ok-')) expect(findings).toEqual([])
          else expect(findings.length, `${id}/${name} must report`).toBeGreaterThan(0)
          for (const f of findings) expect(f.rule).toBe(id)
          await expect(`${JSON.stringify(findings, null, 2)}\n`).toMatchFileSnapshot(join(dir, 'expected.json'))
        })
      }
    })
  }
})
