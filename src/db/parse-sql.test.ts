import { beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../core/errors.js'
import { initParser, parseSql } from './parse-sql.js'

beforeAll(() => initParser())

describe('parseSql', () => {
  it('gives every statement its line, column, pointer and text', () => {
    const parsed = parseSql('m.sql', '-- naïve comment\ncreate table t (id int);\n\n  /* é */ drop table t;')
    expect(parsed.statements.map((s) => [s.type, s.at.line, s.at.column, s.at.pointer, s.text])).toEqual([
      ['CreateStmt', 2, 1, 'statement 1', 'create table t (id int)'],
      ['DropStmt', 4, 11, 'statement 2', 'drop table t'],
    ])
  })

  it('reports a syntax error as an InputError with file:line:col, counting characters after multibyte text', () => {
    const run = () => parseSql('m.sql', "select 'ü';\nalter table t ad column x int;")
    expect(run).toThrow(InputError)
    expect(run).toThrow(/^m\.sql:2:15: syntax error: syntax error at or near "ad"$/)
  })

  it('accepts an empty or comment-only file', () => {
    expect(parseSql('m.sql', '').statements).toEqual([])
    expect(parseSql('m.sql', '-- nothing yet\n').statements).toEqual([])
  })
})
