import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverReachable, serverUrl } from '../../../test/helpers/postgres-server.js'
import { openPGliteSession } from './pglite-session.js'
import { openScratchDatabase } from './scratch-database.js'
import type { SqlSession } from './sql-session.js'
import { StatementTracer } from './trace-statement.js'

const setup = `
create table users (id int primary key, name varchar(50), email text);
create table orders (id int primary key, user_id int, total int);
insert into users values (1, 'a', 'a@x'), (2, 'b', 'b@x');
create index users_name on users (name);`

const reachable = await serverReachable()

const engines: ReadonlyArray<readonly [string, () => Promise<SqlSession>, boolean]> = [
  ['PGlite', () => openPGliteSession(), true],
  ['PostgreSQL server (--shadow-url)', () => openScratchDatabase(serverUrl), reachable],
]

describe.each(engines)('StatementTracer on %s', (_name, open, available) => {
  let session: SqlSession
  let tracer: StatementTracer

  beforeAll(async () => {
    if (!available) return
    session = await open()
    await session.exec(setup)
    tracer = new StatementTracer(session)
  })

  afterAll(async () => {
    await session?.close()
  })

  it.skipIf(!available)('observes ACCESS EXCLUSIVE for ALTER TABLE, without a rewrite for a nullable column', async () => {
    const seen = await tracer.run('alter table users add column nickname text')
    expect(seen.inTransaction).toBe(true)
    expect(seen.locks.find((l) => l.relation === 'public.users')?.level).toBe('ACCESS EXCLUSIVE')
    expect(seen.rewritten).toEqual([])
  })

  it.skipIf(!available)('observes the rewrite of int → bigint, table and indexes', async () => {
    const seen = await tracer.run('alter table users alter column id type bigint')
    expect(seen.rewritten).toEqual(['public.users'])
    expect(seen.rebuiltIndexes).toContain('public.users_pkey')
  })

  it.skipIf(!available)('observes no rewrite when a varchar is widened', async () => {
    const seen = await tracer.run('alter table users alter column name type varchar(100)')
    expect(seen.locks.find((l) => l.relation === 'public.users')?.level).toBe('ACCESS EXCLUSIVE')
    expect(seen.rewritten).toEqual([])
  })

  it.skipIf(!available)('observes SHARE for CREATE INDEX and SHARE ROW EXCLUSIVE on both tables of a foreign key', async () => {
    const index = await tracer.run('create index orders_total on orders (total)')
    expect(index.locks.find((l) => l.relation === 'public.orders')?.level).toBe('SHARE')
    expect(index.locks.find((l) => l.relation === 'public.orders_total')?.created).toBe(true)
    const fk = await tracer.run('alter table orders add constraint orders_user foreign key (user_id) references users (id)')
    expect(fk.locks.filter((l) => l.relkind === 'r').map((l) => [l.relation, l.level])).toEqual([
      ['public.orders', 'SHARE ROW EXCLUSIVE'],
      ['public.users', 'SHARE ROW EXCLUSIVE'],
    ])
  })

  it.skipIf(!available)('runs CREATE INDEX CONCURRENTLY outside a transaction', async () => {
    const seen = await tracer.run('create index concurrently users_email on users (email)')
    expect(seen.inTransaction).toBe(false)
    expect(seen.locks).toEqual([])
    expect(seen.rebuiltIndexes).toEqual([])
  })

  it.skipIf(!available)('sees the locks a DO block takes', async () => {
    const seen = await tracer.run("do $$ begin execute 'alter table orders rename column total to amount'; end $$")
    expect(seen.locks.find((l) => l.relation === 'public.orders')?.level).toBe('ACCESS EXCLUSIVE')
  })

  it.skipIf(!available)('lets the caller look inside the open transaction, then commits', async () => {
    let inside: unknown
    await tracer.run('alter table orders add column note text', async () => {
      inside = await session.exec("select count(*)::int as n from pg_locks where mode = 'AccessExclusiveLock' and pid = pg_backend_pid()")
    })
    expect(inside).not.toEqual([{ n: 0 }])
    expect(await session.exec("select count(*)::int as n from information_schema.columns where column_name = 'note'")).toEqual([{ n: 1 }])
  })

  it.skipIf(!available)('throws the error of a failing statement and leaves no transaction open', async () => {
    await expect(tracer.run('alter table nope add column x int')).rejects.toThrow(/"nope" does not exist/)
    const seen = await tracer.run('alter table users add column after_failure int')
    expect(seen.locks.some((l) => l.relation === 'public.users')).toBe(true)
  })
})
