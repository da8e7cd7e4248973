import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../../core/errors.js'
import { initParser } from '../parse-sql.js'
import { applyMigrations } from './apply-migrations.js'
import { openPGliteSession } from './pglite-session.js'
import type { SqlSession } from './sql-session.js'

const file = (path: string, text: string) => ({ path, text, transactional: false })

describe('applyMigrations', () => {
  let session: SqlSession

  beforeAll(async () => {
    await initParser()
    session = await openPGliteSession()
  })

  afterAll(async () => {
    await session.close()
  })

  it('applies files in order, including ones that need statement-by-statement runs', async () => {
    await applyMigrations(session, [
      file('001.sql', "create type status as enum ('new'); create table jobs (id int primary key, status status);"),
      // The new label cannot be used in the transaction that adds it: this file only works statement by statement.
      file('002.sql', "alter type status add value 'done';\ninsert into jobs values (1, 'done');"),
      file('003.sql', 'begin;\nalter table jobs add column note text;\ncommit;\ncreate index concurrently jobs_note on jobs (note);'),
      file('004.sql', 'create index concurrently jobs_status on jobs (status);'),
    ])
    const rows = await session.exec(
      "select (select count(*)::int from jobs where status = 'done') as done, (select count(*)::int from pg_indexes where tablename = 'jobs') as indexes",
    )
    expect(rows).toEqual([{ done: 1, indexes: 3 }])
  })

  it('fills template placeholders', async () => {
    await applyMigrations(session, [file('tpl.sql', 'create schema {{ index .Options "Namespace" }};')], { Namespace: 'auth' })
    expect(await session.exec("select count(*)::int as n from pg_namespace where nspname = 'auth'")).toEqual([{ n: 1 }])
  })

  it('places a failure at the file, line and column PostgreSQL points at', async () => {
    const failing = file('005_bad.sql', '-- adds a table\ncreate table kept (a int);\ninsert into kept (a, nope) values (1, 2);\n')
    const error = await applyMigrations(session, [failing]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toBe('005_bad.sql:3:22: the shadow database (pglite) rejected it: column "nope" of relation "kept" does not exist')
    // Statement by statement, the first statement had committed before the failure was placed.
    expect(await session.exec("select count(*)::int as n from pg_class where relname = 'kept'")).toEqual([{ n: 1 }])
  })

  it('reports a syntax error as the parser places it', async () => {
    await expect(applyMigrations(session, [file('006.sql', 'create tabel x (a int);')])).rejects.toThrow(/^006\.sql:1:8: syntax error/)
  })
})
