import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeMigrations } from '../analyze.js'
import { initParser } from '../parse-sql.js'
import type { SchemaModel } from '../schema-model.js'
import { openPGliteSession } from '../shadow/pglite-session.js'
import type { SqlSession } from '../shadow/sql-session.js'
import { introspectSchema, type IntrospectedSchema } from './introspect-schema.js'

const ddl = `
create extension citext;
create type mood as enum ('sad', 'ok', 'happy');
create domain positive as integer check (value > 0);
create type pair as (a int, b text);
create schema billing;
create table accounts (
  id bigint generated always as identity primary key,
  email varchar(320) not null unique,
  name text default 'anonymous',
  feeling mood not null default 'ok',
  score positive,
  tags text[],
  created_at timestamp(3) with time zone not null default now(),
  lower_email text generated always as (lower(email)) stored,
  constraint name_short check (length(name) < 100)
);
create table billing.invoices (
  id serial primary key,
  account_id bigint not null references accounts (id) on delete cascade,
  total numeric(10, 2),
  note citext
);
alter table billing.invoices add constraint total_set check (total is not null) not valid;
create index invoices_open_idx on billing.invoices (account_id) where total is null;
create index accounts_lower_idx on accounts (lower(name));
create view active_accounts as select id, email from accounts;
create materialized view totals as select account_id, sum(total) from billing.invoices group by account_id;
create sequence ticket_seq;
create table events (id int, at date not null) partition by range (at);
create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');
create function double_it(x int) returns int immutable language sql as 'select x * 2';
`

/** The parts of a model that both sources must agree on. */
function outline(model: SchemaModel): unknown {
  return {
    tables: [...model.tables.values()].sort((a, b) => a.key.localeCompare(b.key)).map((t) => ({
      key: t.key,
      partitioned: t.partitioned,
      partitionOf: t.partitionOf,
      columns: t.columns.map((c) => `${c.name} ${c.type.display}${c.notNull ? ' not null' : ''}${c.default ? ' default' : ''}`),
      constraints: t.constraints.map((c) => `${c.name} ${c.type} ${c.valid ? 'valid' : 'not valid'} (${c.columns.join(', ')})`).sort(),
    })),
    indexes: [...model.indexes.values()].map((i) => `${i.key} on ${i.table} (${i.columns.join(', ')})${i.unique ? ' unique' : ''}${i.partial ? ' partial' : ''}`).sort(),
    types: [...model.types.values()].map((t) => `${t.key} ${t.kind} ${t.values.join('|')}`).sort(),
    views: [...model.views.keys()].sort(),
    sequences: [...model.sequences.keys()].sort(),
  }
}

describe('introspectSchema', () => {
  let session: SqlSession
  let schema: IntrospectedSchema

  beforeAll(async () => {
    session = await openPGliteSession({ extensions: ['citext'] })
    await session.exec(ddl)
    schema = await introspectSchema(session.db)
  })

  afterAll(async () => {
    await session.close()
  })

  it('reads tables, columns, constraints and indexes with their details', () => {
    const accounts = schema.model.tables.get('public.accounts')
    expect(accounts?.columns.map((c) => [c.name, c.type.display, c.notNull])).toEqual([
      ['id', 'bigint', true],
      ['email', 'varchar(320)', true],
      ['name', 'text', false],
      ['feeling', 'mood', true],
      ['score', 'positive', false],
      ['tags', 'text[]', false],
      ['created_at', 'timestamptz(3)', true],
      ['lower_email', 'text', false],
    ])
    const byName = new Map(accounts?.columns.map((c) => [c.name, c]))
    expect(byName.get('id')?.identity).toBe('always')
    expect(byName.get('lower_email')?.generated).toBe('stored')
    expect(byName.get('lower_email')?.default).toBeUndefined()
    expect(byName.get('created_at')?.default?.volatile).toBe(false)
    expect(byName.get('name')?.default?.text).toBe("'anonymous'")
    const invoices = schema.model.tables.get('billing.invoices')
    const fk = invoices?.constraints.find((c) => c.type === 'foreign-key')
    expect(fk?.references).toEqual({ table: 'public.accounts', columns: ['id'] })
    const check = invoices?.constraints.find((c) => c.name === 'total_set')
    expect(check).toMatchObject({ type: 'check', valid: false, notNullColumn: 'total', columns: ['total'] })
    expect(schema.model.indexes.get('public.accounts_pkey')).toMatchObject({ constraint: 'accounts_pkey', unique: true })
    expect(schema.model.indexes.get('public.accounts_lower_idx')?.columns).toEqual(['(expression)'])
  })

  it('reads types, views, sequences, partitions and stable functions, not extension objects', () => {
    expect(schema.model.types.get('public.mood')?.values).toEqual(['sad', 'ok', 'happy'])
    expect(schema.model.types.get('public.positive')).toMatchObject({ kind: 'domain', constrained: true })
    expect(schema.model.types.get('public.citext')).toBeUndefined()
    expect(schema.model.views.get('public.totals')?.materialized).toBe(true)
    expect([...schema.model.sequences.keys()]).toEqual(['public.ticket_seq']) // not those of serial/identity columns
    expect(schema.model.tables.get('public.events_2024')?.partitionOf).toBe('public.events')
    expect(schema.model.tables.get('public.events')?.partitioned).toBe(true)
    expect(schema.model.extensions).toEqual(new Set(['citext']))
    expect(schema.model.stableFunctions.has('double_it')).toBe(true)
    expect(schema.model.schemas).toEqual(new Set(['billing', 'public']))
  })

  it('gives each object its catalog identity', () => {
    const accounts = schema.identity.objects.get('public.accounts')
    expect(accounts).toMatch(/^\d+$/)
    expect(schema.identity.columns.get('public.accounts')?.get('email')).toBe(2)
    expect(schema.identity.enumValues.get('public.mood')?.size).toBe(3)
  })

  it('agrees with the static replay of the same DDL', async () => {
    await initParser()
    const replayed = analyzeMigrations([], {}, [{ path: 'schema.sql', text: ddl, transactional: false }]).schema
    expect(outline(schema.model)).toEqual(outline(replayed))
  })
})
