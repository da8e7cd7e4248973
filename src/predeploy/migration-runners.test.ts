import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPGliteSession, type PGliteSession } from '../db/shadow/pglite-session.js'
import { bookkeepingTables, chooseRecord, readAppliedRecords, type AppliedRecord } from './migration-runners.js'

// Each runner's table as the tool itself creates it, with two migrations recorded and one not.
const tables = `
create table kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null);
create table kysely_migration_lock (id varchar(255) primary key, is_locked integer default 0 not null);
insert into kysely_migration values ('2024_01_01_pets', '2024-01-01T00:00:00Z'), ('2024_01_02_owners', '2024-01-02T00:00:00Z');
create table _prisma_migrations (id varchar(36) primary key, checksum varchar(64) not null, finished_at timestamptz,
  migration_name varchar(255) not null, logs text, rolled_back_at timestamptz, started_at timestamptz not null default now(),
  applied_steps_count integer not null default 0);
insert into _prisma_migrations (id, checksum, finished_at, migration_name) values
  ('a', 'x', now(), '20240101000000_init'), ('b', 'y', null, '20240102000000_half');
create schema drizzle;
create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint);
insert into drizzle.__drizzle_migrations (hash, created_at) values ('h0', 1700000000000), ('h1', 1700000100000);
create table schema_migrations (version bigint not null primary key, dirty boolean not null);
insert into schema_migrations values (20240102, false);
create table flyway_schema_history (installed_rank int primary key, version varchar(50), description varchar(200) not null,
  type varchar(20) not null, script varchar(1000) not null, checksum int, installed_by varchar(100) not null,
  installed_on timestamp not null default now(), execution_time int not null, success boolean not null);
insert into flyway_schema_history values (1, '1', 'init', 'SQL', 'V1__init.sql', 1, 'me', now(), 5, true),
  (2, '2', 'more', 'SQL', 'V2__more.sql', 2, 'me', now(), 5, false);
create table pgmigrations (id serial primary key, name varchar(255) not null, run_on timestamp not null);
insert into pgmigrations (name, run_on) values ('1700000000000_init', now());
`

let session: PGliteSession
let records: ReadonlyArray<AppliedRecord>
const dir = mkdtempSync(join(tmpdir(), 'rollsafe-runners-'))

beforeAll(async () => {
  session = await openPGliteSession()
  await session.exec(tables)
  records = await readAppliedRecords(session)
  mkdirSync(join(dir, 'drizzle', 'meta'), { recursive: true })
  const entries = [
    { idx: 0, tag: '0000_init', when: 1700000000000 },
    { idx: 1, tag: '0001_more', when: 1700000100000 },
    { idx: 2, tag: '0002_next', when: 1700000200000 },
  ]
  writeFileSync(join(dir, 'drizzle', 'meta', '_journal.json'), JSON.stringify({ entries }))
})

afterAll(async () => {
  await session?.close()
  rmSync(dir, { recursive: true, force: true })
})

const record = (runner: AppliedRecord['runner']) => records.find((r) => r.runner === runner)!

describe('migration runners', () => {
  it('finds every runner table, in whichever schema it lives', () => {
    expect(records.map((r) => r.table).sort()).toEqual([
      'drizzle.__drizzle_migrations',
      'public._prisma_migrations',
      'public.flyway_schema_history',
      'public.kysely_migration',
      'public.pgmigrations',
      'public.schema_migrations',
    ])
    expect([...bookkeepingTables(records)]).toContain('public.kysely_migration_lock')
  })

  it('reads which files ran, as each runner names them', () => {
    expect(record('kysely').isApplied('m/2024_01_02_owners.ts')).toBe(true)
    expect(record('kysely').isApplied('m/2024_01_03_toys.ts')).toBe(false)
    expect(record('prisma').isApplied('p/20240101000000_init/migration.sql')).toBe(true)
    expect(record('prisma').isApplied('p/20240102000000_half/migration.sql')).toBe(false)
    expect(record('prisma').note).toMatch(/20240102000000_half started but never finished/)
    expect(record('drizzle').isApplied(join(dir, 'drizzle', '0001_more.sql'))).toBe(true)
    expect(record('drizzle').isApplied(join(dir, 'drizzle', '0002_next.sql'))).toBe(false)
    expect(record('golang-migrate').isApplied('g/20240101_a.up.sql')).toBe(true)
    expect(record('golang-migrate').isApplied('g/20240102_b.up.sql')).toBe(true)
    expect(record('golang-migrate').isApplied('g/20240103_c.up.sql')).toBe(false)
    expect(record('flyway').isApplied('f/V1__init.sql')).toBe(true)
    expect(record('flyway').isApplied('f/V2__more.sql')).toBe(false)
    expect(record('flyway').note).toMatch(/V2__more\.sql failed/)
    expect(record('node-pg-migrate').isApplied('n/1700000000000_init.sql')).toBe(true)
  })

  it("picks the folder layout's own runner, else one that knows the files", () => {
    expect(chooseRecord(records, 'prisma', [])?.runner).toBe('prisma')
    expect(chooseRecord(records, 'plain', ['n/1700000000000_init.sql'])?.runner).toBe('node-pg-migrate')
    expect(chooseRecord(records, 'plain', ['x/unknown.sql'])).toBeUndefined()
  })
})
