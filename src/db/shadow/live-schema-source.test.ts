import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverReachable } from '../../../test/helpers/postgres-server.js'
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/scratch-server-database.js'
import { checkDb } from '../check-db.js'
import { liveSchemaSource, readLiveDatabase } from './live-schema-source.js'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const reachable = await serverReachable()

/** Everything a write could change: the catalog of user objects and every table's row count. */
async function snapshot(db: TestDatabase): Promise<unknown> {
  const catalog = await db.query(`
    select c.relname, c.relkind, c.relfilenode::text, c.relnatts,
      (select string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull, ',' order by a.attnum)
         from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
      (select string_agg(k.conname || ':' || k.convalidated, ',' order by k.conname) from pg_constraint k where k.conrelid = c.oid) as constraints
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' order by c.relname`)
  const counts = await db.query(`select (select count(*) from accounts)::int as accounts, (select count(*) from payments)::int as payments`)
  const types = await db.query(`select t.typname, array_to_string(array(select enumlabel from pg_enum where enumtypid = t.oid order by enumsortorder), ',') as labels
    from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public' and t.typtype = 'e'`)
  return { catalog, counts, types }
}

describe.skipIf(!reachable)('--database-url: the live database as the starting schema', () => {
  let live: TestDatabase
  let dir: string

  beforeAll(async () => {
    live = await createTestDatabase()
    await live.query(`
      create type plan as enum ('free', 'pro');
      create table accounts (id bigint primary key, email text not null, plan plan not null default 'free');
      create table payments (id bigint primary key, account_id bigint references accounts (id), cents int not null);
      insert into accounts select g, 'user' || g || '@example.com', 'free' from generate_series(1, 50) g;
      insert into payments select g, g, 100 from generate_series(1, 50) g;`)
    dir = mkdtempSync(join(tmpdir(), 'rollsafe-live-'))
  })

  afterAll(async () => {
    await live?.drop()
  })

  it('checks migrations against the live schema and leaves the live database unchanged', async () => {
    const before = await snapshot(live)
    const migration = join(dir, '001_drop_email.sql')
    writeFileSync(migration, "set lock_timeout = '2s';\nalter table accounts drop column email;\n")
    const { findings } = await checkDb([migration], { today: '2026-01-01', schema: liveSchemaSource(live.url) })
    expect(findings.filter((f) => f.rule === 'column-dropped').map((f) => f.object)).toEqual(['public.accounts.email'])
    expect(await snapshot(live)).toEqual(before)
  })

  it('reads inside a read-only transaction: a write is refused', async () => {
    await expect(readLiveDatabase(live.url, (session) => session.exec('create table sneaky (a int)'))).rejects.toThrow(/read-only transaction/)
    expect(await live.query("select count(*)::int as n from pg_class where relname = 'sneaky'")).toEqual([{ n: 0 }])
  })

  it('never shows the password of the URL', async () => {
    const url = new URL(live.url)
    url.password = 'sw0rdfish'
    url.port = '1'
    const error = await liveSchemaSource(url.toString()).load({}).catch((e: unknown) => e)
    expect(String(error)).not.toContain('sw0rdfish')
    expect(String(error)).toContain(':***@')
  })
})
