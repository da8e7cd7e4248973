import { beforeAll, describe, expect, it } from 'vitest'
import { analyzeMigrations } from '../../db/analyze.js'
import { lintChanges } from '../../db/check-db.js'
import { initParser } from '../../db/parse-sql.js'
import { pointToPlan } from './plan-hint.js'

beforeAll(async () => {
  await initParser()
})

describe('pointToPlan', () => {
  it('adds the plan command to the fix of findings on statements plan can split, and only to those', () => {
    const schema = analyzeMigrations([], {}, [{ path: 'schema.sql', text: 'create table users (id bigint primary key, email text, nick text);', transactional: false }]).schema
    const migration = 'alter table users rename column email to email_address;\nalter table users add column bio text;\nalter table users rename column nick to nickname;\n'
    const analysis = analyzeMigrations([{ path: 'db/004.sql', text: migration, transactional: false }], {}, [], schema)
    const { findings } = lintChanges(analysis.changes, analysis.ignores, { today: '2026-01-01' })
    const pointed = pointToPlan(findings, analysis.changes)
    const renamed = pointed.filter((f) => f.rule === 'column-renamed')
    expect(renamed.map((f) => f.location.line)).toEqual([1, 3])
    for (const finding of renamed) expect(finding.fix).toMatch(/ Run `rollsafe plan db\/004\.sql` to get these phases as SQL files with rollbacks and a runbook\.$/)
    const others = pointed.filter((f) => f.location.line === 2)
    for (const finding of others) expect(finding.fix ?? '').not.toContain('rollsafe plan')
  })
})
