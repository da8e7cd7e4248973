import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../core/finding.js'
import { queryServer, serverReachable, serverUrl } from '../../../test/helpers/postgres-server.js'
import { checkMigrationFiles } from '../check-db.js'
import type { MigrationFile } from '../migration-file.js'
import { emptySchema } from '../schema-model.js'
import { openPGliteSession } from './pglite-session.js'
import type { SqlSession } from './sql-session.js'
import { traceAnalyzer, type TraceOptions } from './trace-analyzer.js'

const sqlFile = (path: string, text: string, transactional = false): MigrationFile => ({ path, text, transactional })

/** The findings of the rules a test is about (other rules may join the catalogue at any time). */
const summary = (findings: ReadonlyArray<Finding>, rules: ReadonlyArray<string>): string[] =>
  findings.filter((f) => rules.includes(f.rule)).map((f) => `${f.location.line} ${f.rule}: ${f.message}`)

describe('traceAnalyzer on PGlite', () => {
  let session: SqlSession

  beforeAll(async () => {
    session = await openPGliteSession()
  })

  afterAll(async () => {
    await session.close()
  })

  const check = (files: MigrationFile[], history: MigrationFile[] = [], trace: TraceOptions = { session }) =>
    checkMigrationFiles(files, { today: '2026-01-01' }, history, emptySchema, traceAnalyzer(trace))

  it('finds a column rename hidden in a DO block, which static analysis cannot see', async () => {
    const history = [sqlFile('001.sql', 'create table people (id bigint primary key, mail text);')]
    const migration = sqlFile(
      '002.sql',
      "set lock_timeout = '2s';\ndo $$ begin\n  execute 'alter table people rename column mail to email';\nend $$;\n",
    )
    const traced = await check([migration], history)
    expect(summary(traced.findings, ['column-renamed'])).toEqual(['2 column-renamed: column `public.people.mail` renamed to `public.people.email`'])
    const staticOnly = await checkMigrationFiles([migration], { today: '2026-01-01' }, history, emptySchema)
    expect(summary(staticOnly.findings, ['column-renamed'])).toEqual([])
  })

  it('reports the ACCESS EXCLUSIVE lock an ALTER TABLE really takes, marked observed', async () => {
    const history = [sqlFile('010.sql', 'create table invoices (id bigint primary key, total int);')]
    const { findings } = await check([sqlFile('011.sql', 'alter table invoices add column note text;')], history)
    expect(summary(findings, ['require-lock-timeout'])).toEqual([
      '1 require-lock-timeout: statement takes ACCESS EXCLUSIVE on `public.invoices` (observed) with no lock_timeout set',
    ])
  })

  it('sees the rewrite of int → bigint and no rewrite for widening a varchar', async () => {
    const history = [sqlFile('020.sql', 'create table ledger (id int primary key, memo varchar(20));')]
    const migration = sqlFile(
      '021.sql',
      "set lock_timeout = '2s';\nalter table ledger alter column memo type varchar(200);\nalter table ledger alter column id type bigint;\n",
    )
    const { findings } = await check([migration], history)
    expect(summary(findings, ['table-rewritten'])).toEqual([
      '3 table-rewritten: column `public.ledger.id` changed to `bigint`: takes ACCESS EXCLUSIVE on `public.ledger` and rewrites the table (observed)',
    ])
  })

  it('counts the locks a DO block takes', async () => {
    const history = [sqlFile('030.sql', 'create table sessions (id bigint primary key);')]
    const migration = sqlFile('031.sql', "do $$ begin execute 'alter table sessions add column seen timestamptz'; end $$;")
    const { findings } = await check([migration], history)
    expect(summary(findings, ['require-lock-timeout'])).toEqual([
      '1 require-lock-timeout: statement takes ACCESS EXCLUSIVE on `public.sessions` (observed) with no lock_timeout set',
    ])
  })

  it('holds the lock a DO block really took across the rest of a transactional file', async () => {
    const history = [sqlFile('050.sql', 'create table carts (id bigint primary key); create table items (id bigint primary key, cart bigint);')]
    const migration = sqlFile(
      '051.sql',
      "set lock_timeout = '2s';\ndo $$ begin execute 'alter table carts add column total int'; end $$;\nupdate items set cart = null;\n",
      true,
    )
    const rules = ['strong-lock-held-across-statements']
    const traced = await check([migration], history)
    expect(summary(traced.findings, rules)).toEqual([
      '2 strong-lock-held-across-statements: ACCESS EXCLUSIVE on `public.carts` stays held for 1 more statement of the transaction',
    ])
    const staticOnly = await checkMigrationFiles([migration], { today: '2026-01-01' }, history, emptySchema)
    expect(summary(staticOnly.findings, rules)).toEqual([])
  })

  it('warns about statements the shadow database rejects, at their place, and goes on without them', async () => {
    const warnings: string[] = []
    const history = [sqlFile('040.sql', "insert into schema_migrations values (40);\ncreate table tickets (id bigint primary key);")]
    const migration = sqlFile('041.sql', "\ninsert into nowhere values (1);\nset lock_timeout = '2s';\nalter table tickets add column note text;")
    const { findings } = await check([migration], history, { session, onWarning: (m) => warnings.push(m) })
    expect(warnings).toEqual([
      '040.sql:1:13: the shadow database (pglite) rejected it: relation "schema_migrations" does not exist',
      '041.sql:2:13: the shadow database (pglite) rejected it: relation "nowhere" does not exist (not observed: the static analysis stands)',
    ])
    expect(summary(findings, ['require-lock-timeout'])).toEqual([])
  })
})

const reachable = await serverReachable()

describe.skipIf(!reachable)('traceAnalyzer on a scratch database (--shadow-url)', () => {
  it('observes locks on the server and drops its scratch database afterwards', async () => {
    const history = [sqlFile('001.sql', 'create table accounts (id int primary key);')]
    const migration = sqlFile('002.sql', 'alter table accounts alter column id type bigint;')
    const { findings } = await checkMigrationFiles([migration], { today: '2026-01-01' }, history, emptySchema, traceAnalyzer({ shadowUrl: serverUrl }))
    expect(findings.map((f) => f.rule).sort()).toContain('table-rewritten')
    expect(findings.find((f) => f.rule === 'table-rewritten')?.message).toContain('(observed)')
    // Scratch names carry the pid of the process that made them.
    expect(await queryServer(`select datname from pg_database where datname like 'rollsafe_shadow_${process.pid}_%'`)).toEqual([])
  })
})
