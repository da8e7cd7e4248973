import { describe, expect, it } from 'vitest'
import { diffMigrationHistory, firstDifferentLine } from './migration-history.js'

describe('diffMigrationHistory', () => {
  const base = [
    { path: 'db/001_init.sql', text: 'create table a (id int);\ncreate table b (id int);\n' },
    { path: 'db/002_more.sql', text: 'create table c (id int);\n' },
    { path: 'db/003_gone.sql', text: 'create table d (id int);\n' },
  ]

  it('finds edited and deleted migrations and knows which exist at the revision', () => {
    const current = [
      { path: 'db/001_init.sql', text: 'create table a (id int);\ncreate table b (id bigint);\n' },
      { path: 'db/002_more.sql', text: 'create table c (id int);\r\n' },
      { path: 'db/004_new.sql', text: 'create table e (id int);\n' },
    ]
    const { changes, known } = diffMigrationHistory(base, current, 'origin/main')
    expect(changes).toEqual([
      { kind: 'migration-edited', direction: 'none', object: 'db/001_init.sql', at: { file: 'db/001_init.sql', line: 2 }, revision: 'origin/main', line: 2 },
      { kind: 'migration-deleted', direction: 'none', object: 'db/003_gone.sql', at: { file: 'db/003_gone.sql', revision: 'origin/main' }, revision: 'origin/main' },
    ])
    expect([...known].sort()).toEqual(['db/001_init.sql', 'db/002_more.sql', 'db/003_gone.sql'])
    expect(current.filter((f) => !known.has(f.path)).map((f) => f.path)).toEqual(['db/004_new.sql'])
  })

  it('places an edit at the first differing line of the current text', () => {
    expect(firstDifferentLine('a\nb\n', 'a\nb\n')).toBeUndefined()
    expect(firstDifferentLine('a\r\nb\r\n', 'a\nb\n')).toBeUndefined()
    expect(firstDifferentLine('a\nb\nc\n', 'a\nB\nc\n')).toBe(2)
    expect(firstDifferentLine('a\nb\nc\n', 'a\n')).toBe(2)
    expect(firstDifferentLine('a\n', 'a\nb\n')).toBe(2)
    expect(firstDifferentLine('x', '')).toBe(1)
  })
})
