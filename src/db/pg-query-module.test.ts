import * as libpgQuery from 'libpg-query'
import type { ParseResult } from 'libpg-query'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadPgQuery, type PgQuery } from './pg-query-module.js'

let direct: PgQuery

beforeAll(async () => {
  direct = await loadPgQuery()
  await libpgQuery.loadModule()
})

const texts = [
  'select 1',
  "create table \"Users\" (id bigint generated always as identity primary key, email text not null default 'x@é.org');",
  'alter table users add column a int; create index concurrently i on users (a) where a > 0; -- trailing comment',
  "do $$ begin raise notice 'ü'; end $$; comment on table users is 'ß';",
  `create table "${'n'.repeat(70)}" (id int)`,
  "select '😀', 'lone \ud800 surrogate', '\ude00'; -- 😀",
  `insert into t values ('${'x'.repeat(70_000)}é')`,
]

function thrown(run: () => unknown): { message: string; cursor?: number } | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    const cursor = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition
    return { message: (error as Error).message, ...(cursor === undefined ? {} : { cursor }) }
  }
}

describe('loadPgQuery', () => {
  it('is not the fallback: it loads the Emscripten module directly', () => {
    expect(direct.parseSync).not.toBe(libpgQuery.parseSync)
  })

  it('parses and scans as libpg-query does', () => {
    for (const text of texts) {
      expect(direct.parseSync(text)).toEqual(libpgQuery.parseSync(text))
      expect(direct.scanSync(text)).toEqual(libpgQuery.scanSync(text))
    }
  })

  it('reports syntax errors with the same message and cursor position', () => {
    for (const text of ['select from where', 'create table t (id int,, b text)', "select 'é' frm t", 'alter table']) {
      const ours = thrown(() => direct.parseSync(text))
      expect(ours).toBeDefined()
      expect(ours).toEqual(thrown(() => libpgQuery.parseSync(text)))
    }
  })

  it('grows its memory for a large text and keeps parsing after syntax errors', () => {
    // About 4 MB of SQL, whose parse tree outgrows the parser's initial 128 MB of memory.
    const large = `insert into t values ${Array.from({ length: 200_000 }, (_, i) => `(${i}, 'v${i}')`).join(', ')};`
    const rows = (tree: ParseResult) => (tree.stmts?.[0]?.stmt as { InsertStmt: { selectStmt: { SelectStmt: { valuesLists: unknown[] } } } }).InsertStmt.selectStmt.SelectStmt.valuesLists
    const ours = rows(direct.parseSync(large))
    const theirs = rows(libpgQuery.parseSync(large))
    expect(ours.length).toBe(200_000)
    expect(ours.at(-1)).toEqual(theirs.at(-1))
    for (let i = 0; i < 50; i++) expect(thrown(() => direct.parseSync(`select from where ${i}`))).toBeDefined()
    expect(direct.parseSync(texts[2]!)).toEqual(libpgQuery.parseSync(texts[2]!))
  })
})
