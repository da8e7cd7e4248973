import { beforeAll, describe, expect, it } from 'vitest'
import { analyzeMigrations, type AnalyzeOptions } from './analyze.js'
import type { DbChange } from './change.js'
import { initParser } from './parse-sql.js'

beforeAll(() => initParser())

const base = `create table users (id bigint primary key, email text not null, name text, status text default 'a');
create type mood as enum ('sad', 'ok');
create view v as select id from users;`

function run(sql: string, options: AnalyzeOptions & { transactional?: boolean } = {}) {
  return analyzeMigrations([{ path: 'm.sql', text: sql, transactional: options.transactional ?? false }], options, [
    { path: 'base.sql', text: base, transactional: false },
  ])
}

const kinds = (changes: ReadonlyArray<DbChange>) => changes.filter((c) => c.kind !== 'statement').map((c) => `${c.kind} ${c.object}`)

describe('static replay', () => {
  it('builds tables, columns, constraints with validity, indexes, enums, views and sequences', () => {
    const { schema } = run(`
      create sequence s;
      create table orders (id serial primary key, user_id bigint references users (id), total numeric(10,2) default 0);
      alter table orders add constraint positive check (total >= 0) not valid;
      create unique index concurrently orders_user on orders (user_id) where total > 0;
      alter type mood add value 'happy' after 'ok';
      create table events (id int, at date) partition by range (at);
      create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');`)
    const orders = schema.tables.get('public.orders')!
    expect(orders.columns.map((c) => [c.name, c.type.display, c.notNull, c.default?.text])).toEqual([
      ['id', 'integer', true, 'nextval()'],
      ['user_id', 'bigint', false, undefined],
      ['total', 'numeric(10,2)', false, '0'],
    ])
    expect(orders.constraints.map((c) => [c.name, c.type, c.valid])).toEqual([
      ['orders_pkey', 'primary-key', true],
      ['orders_user_id_fkey', 'foreign-key', true],
      ['positive', 'check', false],
    ])
    expect(schema.indexes.get('public.orders_user')).toMatchObject({ unique: true, partial: true, table: 'public.orders' })
    expect(schema.types.get('public.mood')?.values).toEqual(['sad', 'ok', 'happy'])
    expect(schema.views.has('public.v')).toBe(true)
    expect(schema.sequences.has('public.s')).toBe(true)
    expect(schema.tables.get('public.events')?.partitioned).toBe(true)
    expect(schema.tables.get('public.events_2026')?.partitionOf).toBe('public.events')
  })

  it('emits one change per action, with the object and the table just before the action', () => {
    const { changes } = run('alter table users add column age int, drop column name, alter column email drop not null;')
    expect(kinds(changes)).toEqual(['column-added public.users.age', 'column-dropped public.users.name', 'column-drop-not-null public.users.email'])
    const dropped = changes.find((c) => c.kind === 'column-dropped')!
    expect(dropped.kind === 'column-dropped' && dropped.table?.columns.map((c) => c.name)).toEqual(['id', 'email', 'name', 'status', 'age'])
    expect(dropped.at).toEqual({ file: 'm.sql', line: 1, column: 1, pointer: 'statement 1' })
  })

  it('marks origins: existing (history), file (this file), run (an earlier checked file)', () => {
    const { changes } = analyzeMigrations(
      [
        { path: '1.sql', text: 'create table t (a int);', transactional: false },
        { path: '2.sql', text: 'create table u (b int); alter table u drop column b; alter table t drop column a; alter table users drop column name;', transactional: false },
      ],
      {},
      [{ path: 'base.sql', text: base, transactional: false }],
    )
    const drops = changes.filter((c) => c.kind === 'column-dropped').map((c) => [c.object, c.origin, c.tableOrigin])
    expect(drops).toEqual([
      ['public.u.b', 'file', 'file'],
      ['public.t.a', 'run', 'run'],
      ['public.users.name', 'existing', 'existing'],
    ])
  })

  it('classifies type changes and knows a validated NOT NULL check', () => {
    const { changes } = run(`alter table users alter column name type varchar(20);
      alter table users alter column name type varchar(40);
      alter table users add constraint nn check (name is not null) not valid;
      alter table users validate constraint nn;
      alter table users alter column name set not null;`)
    const types = changes.flatMap((c) => (c.kind === 'column-type-changed' ? [[c.compatibility, c.rewrite, c.lock.level]] : []))
    expect(types).toEqual([['changed', true, 'ACCESS EXCLUSIVE'], ['widened', false, 'ACCESS EXCLUSIVE']])
    const setNotNull = changes.find((c) => c.kind === 'column-set-not-null')!
    expect(setNotNull.kind === 'column-set-not-null' && setNotNull.provenByCheck).toBe(true)
    expect(setNotNull.lock.scan).toBe(false)
    expect(changes.find((c) => c.kind === 'constraint-validated')?.lock.level).toBe('SHARE UPDATE EXCLUSIVE')
  })

  it('follows transactions, held locks, lock_timeout and the statements that follow', () => {
    const { changes } = run(`set lock_timeout = '1s';
      begin;
      alter table users add column a int;
      create index i on users (a);
      commit;
      drop index i;`)
    const statements = changes.filter((c) => c.kind === 'statement')
    expect(statements.map((s) => [s.statement.type, s.tx.mode, s.tx.position, s.tx.following, s.tx.lockTimeout])).toEqual([
      ['VariableSetStmt', 'none', 0, 0, undefined],
      ['TransactionStmt', 'none', 0, 0, '1s'],
      ['AlterTableStmt', 'explicit', 0, 1, '1s'],
      ['IndexStmt', 'explicit', 1, 0, '1s'],
      ['TransactionStmt', 'explicit', 2, 0, '1s'],
      ['DropStmt', 'none', 0, 0, '1s'],
    ])
    expect(statements[3]!.tx.held.map((h) => [h.table, h.level, h.at.line])).toEqual([['public.users', 'ACCESS EXCLUSIVE', 3]])
  })

  it('treats a runner-wrapped file as one implicit transaction, unless it has a single statement', () => {
    const two = run('create index concurrently a on users (email); create index concurrently b on users (name);', { transactional: true })
    expect(two.changes.filter((c) => c.kind === 'index-created').map((c) => c.tx.mode)).toEqual(['implicit', 'implicit'])
    const one = run('create index concurrently a on users (email);', { transactional: true })
    expect(one.changes.find((c) => c.kind === 'index-created')?.tx.mode).toBe('none')
  })

  it('reports a BEGIN left open', () => {
    expect(run('begin; alter table users add column a int;').changes.some((c) => c.kind === 'transaction-left-open')).toBe(true)
  })

  it('resolves unqualified names through search_path', () => {
    const { schema } = run('create schema auth; set search_path = auth; create table sessions (id int);')
    expect(schema.tables.has('auth.sessions')).toBe(true)
  })

  it('tolerates statements it does not model and marks DO blocks opaque', () => {
    const { changes, schema } = run(`grant select on users to reader;
      comment on table users is 'x';
      do $$ begin execute 'alter table users drop column name'; end $$;
      create function f() returns int language sql immutable as 'select 1';`)
    expect(changes.filter((c) => c.kind === 'statement').map((c) => c.kind === 'statement' && c.opaque)).toEqual([false, false, true, true])
    expect(schema.tables.get('public.users')?.columns.map((c) => c.name)).toContain('name')
    expect(schema.stableFunctions.has('f')).toBe(true)
  })

  it('sees the enum re-creation pattern: a kept name, lost labels', () => {
    const { changes } = run(`create table feelings (m mood);
      alter type mood rename to mood_old;
      create type mood as enum ('ok');
      alter table feelings alter column m type mood using m::text::mood;
      drop type mood_old;`)
    const renamed = changes.find((c) => c.kind === 'type-renamed')!
    expect(renamed.kind === 'type-renamed' && renamed.recreated).toBe(true)
    expect(kinds(changes).filter((k) => k.startsWith('enum-value-dropped'))).toEqual(['enum-value-dropped public.mood.sad'])
  })

  it('uses the lock facts of the PostgreSQL version', () => {
    const pg10 = run("alter table users add column plan text default 'free';", { pgVersion: 10 })
    const pg15 = run("alter table users add column plan text default 'free';", { pgVersion: 15 })
    expect(pg10.changes.find((c) => c.kind === 'column-added')?.lock.rewrite).toBe(true)
    expect(pg15.changes.find((c) => c.kind === 'column-added')?.lock.rewrite).toBe(false)
  })
})

describe('static replay: details rules asked for', () => {
  it('gives USING INDEX constraints the index columns and marks primary key columns NOT NULL', () => {
    const { schema } = run('create unique index concurrently users_name_idx on users (name);\nalter table users add constraint users_name_pk primary key using index users_name_idx;')
    const users = schema.tables.get('public.users')!
    expect(users.constraints.find((c) => c.name === 'users_name_pk')?.columns).toEqual(['name'])
    expect(users.columns.find((c) => c.name === 'name')?.notNull).toBe(true)
  })

  it('settles the origin of indexes made by constraints at the end of their file', () => {
    const { changes } = analyzeMigrations([
      { path: '1.sql', text: 'create table t (email text unique);', transactional: false },
      { path: '2.sql', text: 'alter index t_email_key rename to t_email_uq;', transactional: false },
    ])
    expect(changes.find((c) => c.kind === 'index-renamed')?.origin).toBe('run')
  })

  it('tells inherited columns, IF [NOT] EXISTS and the statement count of the file', () => {
    const { changes } = run('create table u2 (like users);\nalter table users add column if not exists a int, drop column if exists name;')
    const added = changes.filter((c) => c.kind === 'column-added')
    expect(added.map((c) => c.kind === 'column-added' && [c.object, c.inherited, c.ifNotExists])).toContainEqual(['public.u2.email', true, false])
    expect(added.map((c) => c.kind === 'column-added' && [c.object, c.inherited, c.ifNotExists])).toContainEqual(['public.users.a', false, true])
    const dropped = changes.find((c) => c.kind === 'column-dropped')!
    expect(dropped.kind === 'column-dropped' && dropped.ifExists).toBe(true)
    expect(dropped.statement.fileStatements).toBe(2)
  })
})

describe('static replay: settings', () => {
  it('forgets SET LOCAL outside a transaction and at the end of one', () => {
    const { changes } = run("set local lock_timeout = '1s';\nalter table users add column a int;\nbegin;\nset local lock_timeout = '1s';\nalter table users add column b int;\ncommit;\nalter table users add column c int;")
    const added = changes.filter((c) => c.kind === 'column-added').map((c) => c.tx.lockTimeout)
    expect(added).toEqual([undefined, '1s', undefined])
  })
})

describe('static replay: template placeholders', () => {
  it('leaves {{ … }} in a string alone when the file parses as written', () => {
    const { changes } = run("insert into users (email) values ('Hello {{ .Name }}');")
    expect(changes.some((c) => c.kind === 'data-modified')).toBe(true)
  })

  it('reports a placeholder the SQL needs, at its place', () => {
    expect(() => run('create table {{ index .Options "Namespace" }}.t (id int);')).toThrow(
      'm.sql:1:14: template placeholder `{{ index .Options "Namespace" }}`: pass --var Namespace=VALUE',
    )
  })
})
