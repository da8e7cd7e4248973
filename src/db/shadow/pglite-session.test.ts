import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extensionsUsed, openPGliteSession } from './pglite-session.js'
import type { SqlSession } from './sql-session.js'

describe('extensionsUsed', () => {
  it('finds CREATE EXTENSION in any spelling, as PGlite names the module', () => {
    const texts = [
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\ncreate extension pg_trgm with schema public;',
      'create extension if not exists pgcrypto; create extension plpgsql;',
    ]
    expect(extensionsUsed(texts)).toEqual(['pg_trgm', 'pgcrypto', 'uuid_ossp'])
  })

  it('finds nothing in SQL without extensions', () => {
    expect(extensionsUsed(['create table extension (a int)'])).toEqual([])
  })
})

describe('openPGliteSession', () => {
  let session: SqlSession

  beforeAll(async () => {
    session = await openPGliteSession({ extensions: ['pg_trgm', 'uuid_ossp', 'pgcrypto'] })
  })

  afterAll(async () => {
    await session.close()
    await session.close() // a second close is harmless
    await expect(session.exec('select 1')).rejects.toThrow()
  })

  it('runs several statements and returns the rows of the last', async () => {
    const rows = await session.exec('create table t (a int); insert into t values (1), (2); select count(*)::int as n from t')
    expect(rows).toEqual([{ n: 2 }])
  })

  it('answers kysely queries on the same backend', async () => {
    const viaExec = await session.exec('select pg_backend_pid() as pid')
    const viaKysely = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(session.db)
    expect(viaKysely.rows[0]?.pid).toBe(viaExec[0]?.pid)
  })

  it('loads the contrib extensions a migration asks for', async () => {
    await session.exec('create extension if not exists "uuid-ossp"; create extension pg_trgm; create extension pgcrypto')
    const rows = await session.exec(
      "select length(uuid_generate_v4()::text) as uuid, similarity('abc', 'abd') > 0 as trgm, length(gen_salt('md5')) > 0 as crypto",
    )
    expect(rows).toEqual([{ uuid: 36, trgm: true, crypto: true }])
  })

  it('reports PostgreSQL errors with their SQLSTATE and position', async () => {
    await expect(session.exec('select nope from t')).rejects.toMatchObject({ code: '42703', position: '8' })
  })
})
