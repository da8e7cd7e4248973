import { beforeAll, describe, expect, it } from 'vitest'
import { initParser, parseTree, scanSql } from './parse-sql.js'
import { longNames, mayHoldLongName } from './statement-names.js'

beforeAll(() => initParser())

/** The exact answer, from PostgreSQL's scanner: a name token over `limit` bytes; undefined when the text does not scan. */
function scannerFindsLongName(text: string, limit: number): boolean | undefined {
  let tokens
  try {
    tokens = scanSql(text).tokens
  } catch {
    return undefined
  }
  return tokens.some((token) => {
    if (token.tokenName !== 'IDENT') return false
    const name = token.text.startsWith('"') ? token.text.slice(1, -1).replaceAll('""', '"') : token.text
    return Buffer.byteLength(name, 'utf8') > limit
  })
}

describe('mayHoldLongName', () => {
  it('finds long quoted and unquoted names', () => {
    expect(mayHoldLongName(`create table "${'a b'.repeat(22)}" (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table ${'a'.repeat(64)} (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table ${'a'.repeat(63)} (id int)`, 63)).toBe(false)
    expect(mayHoldLongName(`create table "é${'a'.repeat(15)}" (id int)`, 63)).toBe(true)
    // `""` inside a quoted name is one quote: 31 + 1 + 32 characters pass 63 bytes, 30 + 1 + 32 do not.
    expect(mayHoldLongName(`create table "${'a'.repeat(31)}""${'b'.repeat(32)}" (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table "${'a'.repeat(30)}""${'b'.repeat(32)}" (id int)`, 63)).toBe(false)
  })

  it('never misses a long name the scanner finds, on random texts', () => {
    const alphabet = ['"', '"', '""', 'a', 'bc', ' ', '\u00a0', '\u2003', '\n', '(', ')', ',', ';', '.', "'", 'é', '😀', '\ufeff', 'x1']
    let seed = 42
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    let checked = 0
    for (let i = 0; i < 5000; i++) {
      const parts: string[] = []
      const length = random(60)
      for (let k = 0; k < length; k++) parts.push(alphabet[random(alphabet.length)]!)
      const text = parts.join('')
      for (const limit of [3, 7, 12]) {
        if (scannerFindsLongName(text, limit) !== true) continue
        checked++
        expect(mayHoldLongName(text, limit), JSON.stringify([text, limit])).toBe(true)
      }
    }
    expect(checked).toBeGreaterThan(500)
  })
})

describe('longNames', () => {
  // Wherever a name can stand, the parse tree keeps its cut form, which lets longNames scan the statement.
  const places = [
    'create table NAME (id int)', 'create table t (NAME int)', 'alter table t add column NAME text',
    'create index NAME on t (a)', 'alter table t add constraint NAME check (a > 0)',
    'alter table t add constraint c foreign key (a) references NAME (id)', 'select a as NAME from t',
    'create schema NAME', "create function NAME() returns int language sql as 'select 1'",
    "comment on column t.NAME is 'x'", 'alter table t rename column a to NAME', 'create view v (NAME) as select 1',
    "create type NAME as enum ('a')", 'grant select on t to NAME', 'create sequence NAME', 'insert into t (NAME) values (1)',
    'update t set NAME = 1', 'create trigger NAME before insert on t for each row execute function f()',
    'drop table if exists NAME', 'create extension NAME', 'set a.NAME = 1', 'alter table t set (NAME = 1)',
    'select * from s.NAME', 'alter type e add value if not exists \'v\' after \'w\'; alter table NAME rename to u',
  ]
  const names = [
    { written: 'a'.repeat(70), name: 'a'.repeat(70), bytes: 70 },
    { written: `"Mixed${'X'.repeat(60)}"`, name: `Mixed${'X'.repeat(60)}`, bytes: 65 },
    { written: `"${'é'.repeat(32)}"`, name: 'é'.repeat(32), bytes: 64 },
    { written: 'UPPER_' + 'b'.repeat(60), name: 'upper_' + 'b'.repeat(60), bytes: 66 },
  ]

  it('finds a long name wherever it stands', () => {
    for (const place of places) {
      for (const { written, name, bytes } of names) {
        for (const text of place.replaceAll('NAME', written).split('; ')) {
          if (!text.includes(written)) continue
          expect(longNames(text, parseTree(text).stmts?.[0]?.stmt), text).toEqual([{ name, bytes }])
        }
      }
    }
  })

  it('leaves long string constants, comments and 63-byte names alone', () => {
    for (const text of [
      `insert into t values ('${'x'.repeat(100)}')`,
      `select 1 -- ${'y'.repeat(100)}`,
      `create table ${'a'.repeat(63)} (id int)`,
      `create table "${'é'.repeat(31)}a" (id int)`,
    ]) {
      expect(longNames(text, parseTree(text).stmts?.[0]?.stmt), text).toEqual([])
    }
  })
})
