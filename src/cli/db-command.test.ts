import { describe, expect, it } from 'vitest'
import { captureOutput, scratchDir } from '../../test/helpers/cli-harness.js'
import { main } from './main.js'

const { file } = scratchDir('rollsafe-db-cli-')

const io = captureOutput()

const schema = file('schema.sql', 'create table users (id bigint primary key, email text not null, name text);\n')
// Only the compatibility rules these cases are about: other rules (timeouts, practices) may join the catalogue.
const watched = new Set(['column-dropped', 'column-renamed'])
const rules = () =>
  (JSON.parse(io.stdout) as { findings: Array<{ rule: string; location: { line: number } }> }).findings
    .filter((f) => watched.has(f.rule))
    .map((f) => `${f.rule}:${f.location.line}`)

describe('rollsafe db', () => {
  it('checks a migration against --schema: exit 1 with the findings in JSON', async () => {
    const migration = file('001.sql', "set lock_timeout = '1s';\n\nalter table users drop column name;\n")
    expect(await main(['db', migration, '--schema', schema, '--format', 'json'])).toBe(1)
    expect(rules()).toEqual(['column-dropped:3'])
  })

  it('replays --history for state without checking it', async () => {
    const history = file('000.sql', 'alter table users add column nick text;\n')
    const migration = file('002.sql', "set lock_timeout = '1s';\nalter table users drop column nick;\n")
    expect(await main(['db', migration, '--schema', schema, '--history', history, '--format', 'json'])).toBe(1)
    expect(rules()).toEqual(['column-dropped:2'])
  })

  it('honours -- rollsafe-ignore with a reason', async () => {
    const migration = file('003.sql', "set lock_timeout = '1s';\n-- rollsafe-ignore column-dropped: unused since v41\nalter table users drop column name;\n")
    await main(['db', migration, '--schema', schema, '--format', 'json', '--fail-on', 'error'])
    expect(rules()).toEqual([])
  })

  it('prints a syntax error as file:line:col, exit 2, no stack', async () => {
    const migration = file('bad.sql', 'alter table users\n  add colum x int;\n')
    expect(await main(['db', migration])).toBe(2)
    expect(io.stderr).toBe(`rollsafe: ${migration}:2:15: syntax error: syntax error at or near "int"\n`)
  })

  it('names a template placeholder and fills it with --var', async () => {
    const migration = file('tpl.sql', 'create table {{ index .Options "Namespace" }}.audit (id int);\n')
    expect(await main(['db', migration])).toBe(2)
    expect(io.stderr).toMatch(/tpl\.sql:1:14: template placeholder .* pass --var Namespace=VALUE\n$/)
    expect(await main(['db', migration, '--var', 'Namespace=auth', '--format', 'json', '--fail-on', 'never'])).toBe(0)
  })

  it('compares two schema versions with --from/--to, a rename hint turning drop+add into a rename', async () => {
    const v2 = file('v2.sql', 'create table users (id bigint primary key, email text not null, full_name text);\n')
    expect(await main(['db', '--from', schema, '--to', v2, '--format', 'json'])).toBe(1)
    expect(rules()).toEqual(['column-dropped:1'])
    io.stdout = ''
    expect(await main(['db', '--from', schema, '--to', v2, '--rename', 'users.name=full_name', '--format', 'json'])).toBe(1)
    expect(rules()).toEqual(['column-renamed:1'])
  })

  it('refuses bad usage with exit 2', async () => {
    expect(await main(['db'])).toBe(2)
    expect(await main(['db', '--from', schema])).toBe(2)
    expect(await main(['db', schema, '--pg-version', 'eleven'])).toBe(2)
    expect(io.stderr).toMatch(/--pg-version takes a PostgreSQL major version/)
  })
})
