import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbChange } from '../change.js'
import { introspectSchema } from '../introspect/introspect-schema.js'
import { observedChanges } from './observed-changes.js'
import { openPGliteSession } from './pglite-session.js'
import type { SqlSession } from './sql-session.js'

const summary = (changes: ReadonlyArray<DbChange>): string[] =>
  changes.map((c) => `${c.kind} ${c.object}${'from' in c ? ` ${c.from}→${c.to}` : ''}`).sort()

describe('observedChanges', () => {
  let session: SqlSession

  beforeAll(async () => {
    session = await openPGliteSession()
    await session.exec(`
      create type mood as enum ('sad', 'ok');
      create table users (id int primary key, mail text, feeling mood, constraint mail_set check (mail is not null));
      create index users_mail on users (mail);
      create view user_mails as select mail from users;`)
  })

  afterAll(async () => {
    await session.close()
  })

  /** The changes a statement made, as seen through introspection. */
  async function observe(sql: string): Promise<string[]> {
    const before = await introspectSchema(session.db)
    await session.exec(sql)
    return summary(observedChanges(before, await introspectSchema(session.db), 'm.sql'))
  }

  it('finds a column rename hidden in a DO block as a rename, not a drop and an add', async () => {
    expect(await observe(`do $$ begin execute 'alter table users rename column mail to email'; end $$`)).toEqual([
      'column-renamed public.users.mail mail→email',
    ])
  })

  it('finds table, index, constraint, view, type and enum value renames by catalog identity', async () => {
    const found = await observe(`do $$ begin
      alter table users rename to members;
      alter index users_mail rename to members_mail;
      alter table members rename constraint mail_set to email_set;
      alter view user_mails rename to member_mails;
      alter type mood rename value 'ok' to 'fine';
      alter type mood rename to feeling;
    end $$`)
    expect(found).toEqual([
      'constraint-renamed public.members.mail_set mail_set→email_set',
      'index-renamed public.users_mail public.users_mail→public.members_mail',
      'table-renamed public.users public.users→public.members',
      'type-renamed public.mood public.mood→public.feeling',
      'view-renamed public.user_mails public.user_mails→public.member_mails',
    ])
  })

  it('finds an enum label rename, a dropped column and an added NOT NULL column', async () => {
    const found = await observe(`do $$ begin
      alter type feeling rename value 'sad' to 'blue';
      alter table members drop column feeling;
      alter table members add column age int not null default 0;
    end $$`)
    expect(found).toEqual([
      'column-added public.members.age',
      'column-dropped public.members.feeling',
      'enum-value-renamed public.feeling.sad sad→blue',
    ])
  })

  it('finds nothing when a DO block changes no schema', async () => {
    expect(await observe(`do $$ begin perform 1; end $$`)).toEqual([])
  })
})
