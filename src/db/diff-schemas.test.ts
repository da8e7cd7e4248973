import { beforeAll, describe, expect, it } from 'vitest'
import { analyzeMigrations } from './analyze.js'
import { diffSchemas, parseRenames } from './diff-schemas.js'
import { initParser } from './parse-sql.js'
import type { SchemaModel } from './schema-model.js'

beforeAll(() => initParser())

const load = (path: string, text: string): SchemaModel => analyzeMigrations([], {}, [{ path, text, transactional: false }]).schema

const v1 = `create table users (id bigint primary key, email text not null, name text, nick varchar(10), status text default 'a');
create type mood as enum ('sad', 'ok');
create index users_name on users (name);`

const summary = (changes: ReturnType<typeof diffSchemas>) => changes.map((c) => `${c.kind} ${c.object}`).sort()

describe('diffSchemas', () => {
  it('gives the same change kinds a migration would, pointing at the right file and line', () => {
    const v2 = `create table users (id bigint primary key, email text, nick varchar(20), status text, plan text not null, check (plan <> ''));
create type mood as enum ('ok', 'happy');
create table teams (id int);`
    const changes = diffSchemas(load('v1.sql', v1), load('v2.sql', v2), { from: 'v1.sql', to: 'v2.sql' })
    expect(summary(changes)).toEqual([
      'column-added public.teams.id',
      'column-added public.users.plan',
      'column-default-dropped public.users.status',
      'column-drop-not-null public.users.email',
      'column-dropped public.users.name',
      'column-type-changed public.users.nick',
      'constraint-added public.users.users_plan_check',
      'enum-value-added public.mood.happy',
      'enum-value-dropped public.mood.sad',
      'index-dropped public.users_name',
      'table-created public.teams',
    ])
    const dropped = changes.find((c) => c.kind === 'column-dropped')!
    expect(dropped.at).toMatchObject({ file: 'v1.sql', line: 1 })
    expect(changes.every((c) => c.fromSchemaDiff)).toBe(true)
    const type = changes.find((c) => c.kind === 'column-type-changed')!
    expect(type.kind === 'column-type-changed' && type.compatibility).toBe('widened')
  })

  it('sees a rename as drop plus add unless hinted', () => {
    const v2 = v1.replace('name text', 'full_name text').replace('(name)', '(full_name)')
    const plain = summary(diffSchemas(load('v1.sql', v1), load('v2.sql', v2), { from: 'v1.sql', to: 'v2.sql' }))
    expect(plain).toContain('column-dropped public.users.name')
    const hinted = diffSchemas(load('v1.sql', v1), load('v2.sql', v2), { from: 'v1.sql', to: 'v2.sql' }, parseRenames(['public.users.name=full_name']))
    expect(summary(hinted).filter((k) => k.startsWith('column-'))).toEqual(['column-renamed public.users.name'])
  })

  it('applies a table rename hint', () => {
    const v2 = v1.replace('table users', 'table people').replace('on users', 'on people')
    const changes = diffSchemas(load('v1.sql', v1), load('v2.sql', v2), { from: 'v1.sql', to: 'v2.sql' }, parseRenames(['public.users=people']))
    expect(summary(changes)).toEqual(['constraint-renamed public.people.users_pkey', 'table-renamed public.users'])
  })

  it('rejects a malformed hint', () => {
    expect(() => parseRenames(['users'])).toThrow(/takes table.old=new/)
  })
})
