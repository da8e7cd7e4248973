import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../src/core/finding.js'
import { serverReachable } from './helpers/postgres-server.js'
import { createTestDatabase, type TestDatabase } from './helpers/scratch-server-database.js'
import { cliBuilt, projectRoot as root, runCli } from './helpers/built-cli.js'

// `rollsafe predeploy` with the built CLI against the PostgreSQL server (DATABASE_URL, else the
// local one): a golang-migrate folder whose first two migrations ran (schema_migrations says so) on
// a database with a million-row table, a hand-made column (drift) and a pending migration that
// rewrites a small table and builds an index on the large one.
const built = cliBuilt
if (!built) console.warn('rollsafe predeploy tests skipped: run `npx tsc -p tsconfig.build.json` first (npm test does)')
const reachable = built && (await serverReachable())

const secret = 'Sup3r-S3cret'

const migrations: Readonly<Record<string, string>> = {
  '1_events.up.sql': 'create table events (id bigint primary key, kind text not null, created_at timestamptz not null);\n',
  '2_settings.up.sql': 'create table settings (id int primary key, value int not null);\n',
  // Pending: the small table's rewrite comes first in the file, the large table's index build second.
  '3_widen_and_index.up.sql': 'alter table settings alter column value type bigint;\ncreate index events_created_at_idx on events (created_at);\n',
}


/** Everything a write could change: the user catalog (relfilenode changes on a rewrite) and every row count. */
async function snapshot(db: TestDatabase, tables: ReadonlyArray<string>): Promise<unknown> {
  const catalog = await db.query(`
    select c.relname, c.relkind, c.relfilenode::text,
      (select string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull, ',' order by a.attnum)
         from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      (select string_agg(k.conname || ':' || k.convalidated, ',' order by k.conname) from pg_constraint k where k.conrelid = c.oid) as constraints
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') order by c.relname`)
  const counts = await db.query(`select ${tables.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ')}`)
  const versions = await db.query('select version::text, dirty from schema_migrations order by version')
  return { catalog, counts, versions }
}

function urlWithPassword(url: string): string {
  const parsed = new URL(url)
  parsed.password = secret // the server trusts local connections; the password must still never show
  return parsed.toString()
}

describe.skipIf(!reachable)('rollsafe predeploy against a live database', () => {
  let live: TestDatabase
  let dir: string

  beforeAll(async () => {
    live = await createTestDatabase('rollsafe_predeploy')
    dir = mkdtempSync(join(tmpdir(), 'rollsafe-predeploy-'))
    mkdirSync(join(dir, 'migrations'))
    for (const [name, text] of Object.entries(migrations)) writeFileSync(join(dir, 'migrations', name), text)
    await live.query(`${migrations['1_events.up.sql']}${migrations['2_settings.up.sql']}
      create table schema_migrations (version bigint primary key, dirty boolean not null);
      insert into schema_migrations values (2, false);
      insert into events select g, 'kind-' || (g % 7), timestamptz '2026-01-01' + g * interval '1 second' from generate_series(1, 1000000) g;
      insert into settings select g, g from generate_series(1, 20) g;
      alter table settings add column note text; -- by hand: the migrations never made it`)
    await live.query('vacuum analyze') // as a production table is: reltuples known, no autovacuum pending
  })

  afterAll(async () => {
    await live?.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('checks the pending migration against the live schema, ranks by table size, reports drift, and writes nothing', async () => {
    const before = await snapshot(live, ['events', 'settings'])
    const run = await runCli(dir, ['predeploy', '--database-url', urlWithPassword(live.url), 'migrations', '--format', 'json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('rollsafe: note: migrations: 2 applied (by public.schema_migrations), 1 pending: 3_widen_and_index.up.sql')
    const findings = JSON.parse(run.stdout).findings as Finding[]
    // Every finding of the pending file is about it; the first-applied files are history.
    expect(new Set(findings.filter((f) => f.rule !== 'schema-drifted').map((f) => f.location.file))).toEqual(
      new Set(['migrations/3_widen_and_index.up.sql']),
    )
    // The index build on the million-row table ranks first, though it is the file's second statement.
    const [first] = findings
    expect(first?.rule).toBe('index-created-non-concurrently')
    expect(first?.location.line).toBe(2)
    expect(first?.message).toMatch(/\(`public\.events`: ~1\.0M rows, \d+ MB; scan ≈ [\d.]+ s at 100 MB\/s\)$/)
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.location.line}`)
    // int → bigint: every value of A fits (no column-type-changed), but the column is rewritten under lock
    expect(errors).toEqual(['index-created-non-concurrently 2', 'table-rewritten 1'])
    expect(findings.find((f) => f.rule === 'table-rewritten')?.message).toMatch(/\(`public\.settings`: ~20 rows, \d+ kB; rewrite ≈ < 0\.1 s at 50 MB\/s\)$/)
    // Drift: the column made by hand; the runner's own table is not drift.
    expect(findings.filter((f) => f.rule === 'schema-drifted').map((f) => f.message)).toEqual([
      'column `public.settings.note` exists in the live database, not in the applied migrations',
    ])
    expect(run.stdout + run.stderr).not.toContain(secret)
    expect(await snapshot(live, ['events', 'settings'])).toEqual(before)
  })

  it('without a runner table, finds what ran by comparing the schema; adds the API check', async () => {
    const small = await createTestDatabase('rollsafe_predeploy_plain')
    const plain = join(dir, 'plain')
    try {
      mkdirSync(plain)
      writeFileSync(join(plain, '001_events.sql'), migrations['1_events.up.sql']!)
      writeFileSync(join(plain, '002_settings.sql'), migrations['2_settings.up.sql']!)
      writeFileSync(join(plain, '003_drop_kind.sql'), "set lock_timeout = '1s';\nalter table events drop column kind;\n")
      await small.query(`${migrations['1_events.up.sql']}${migrations['2_settings.up.sql']}`)
      const api = ['--api-deployed', join(root, 'demo', 'petstore-v1.yaml'), '--api', join(root, 'demo', 'petstore-v2.yaml')]
      const run = await runCli(dir, ['predeploy', '--database-url', small.url, 'plain', ...api, '--format', 'json'])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('rollsafe: note: plain: 2 applied (by the live schema), 1 pending: 003_drop_kind.sql')
      const findings = JSON.parse(run.stdout).findings as Finding[]
      expect(findings.filter((f) => f.area === 'db' && f.severity === 'error').map((f) => `${f.rule} ${f.object}`)).toEqual([
        'column-dropped public.events.kind',
      ])
      expect(findings.some((f) => f.area === 'api' && f.severity === 'error')).toBe(true)
      expect(findings.some((f) => f.rule === 'schema-drifted')).toBe(false)
    } finally {
      await small.drop()
    }
  })

  it('never shows the password, not even when it cannot connect', async () => {
    const url = new URL(urlWithPassword(live.url))
    url.port = '1'
    const run = await runCli(dir, ['predeploy', '--database-url', url.toString(), 'migrations'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^rollsafe: postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\//)
    expect(run.stdout + run.stderr).not.toContain(secret)
  })
})
