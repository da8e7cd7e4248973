import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findRule } from '../../core/registry.js'
import { checkDb } from '../check-db.js'
import { detectLayout, readMigrations } from './detect-layout.js'

const root = mkdtempSync(join(tmpdir(), 'rollsafe-layouts-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  return dir
}

const names = async (dir: string) => (await readMigrations([dir])).map((f) => [f.path.slice(dir.length + 1), f.transactional])

describe('migration layouts', () => {
  it('plain numbered files in number order, autocommit', async () => {
    const dir = folder('plain', { '10_b.sql': 'select 1;', '2_a.sql': 'select 1;', 'notes.txt': '' })
    expect((await detectLayout(dir))?.name).toBe('plain')
    expect(await names(dir)).toEqual([['2_a.sql', false], ['10_b.sql', false]])
  })

  it('golang-migrate: .up.sql in version order, .down.sql skipped, each file one query (one implicit transaction)', async () => {
    const dir = folder('golang', { '2_b.up.sql': '', '2_b.down.sql': '', '10_c.up.sql': '', '1_a.up.sql': '' })
    expect((await detectLayout(dir))?.name).toBe('golang-migrate')
    expect(await names(dir)).toEqual([['1_a.up.sql', true], ['2_b.up.sql', true], ['10_c.up.sql', true]])
    expect(await names(join(dir, '2_b.up.sql'))).toEqual([['', true]])
  })

  it('golang-migrate: CONCURRENTLY fails beside another statement of its file, not alone in one', async () => {
    const dir = folder('golang-concurrently', {
      '1_alone.up.sql': 'create index concurrently users_a on users (a);',
      '2_beside.up.sql': 'alter table users add column b bigint;\ncreate index concurrently users_b on users (b);',
    })
    const { findings } = await checkDb([dir], { today: '2026-01-01', rules: [findRule('concurrently-in-transaction')!] })
    expect(findings.map((f) => f.location.file.slice(dir.length + 1))).toEqual(['2_beside.up.sql'])
  })

  it('Flyway: versions compared as numbers, repeatables last, one transaction per file', async () => {
    const dir = folder('flyway', { 'V1.10__c.sql': '', 'V1.2__b.sql': '', 'V1__a.sql': '', 'R__views.sql': '' })
    expect(await names(dir)).toEqual([['V1__a.sql', true], ['V1.2__b.sql', true], ['V1.10__c.sql', true], ['R__views.sql', true]])
  })

  it('Prisma: <timestamp>_<name>/migration.sql folders, transactional', async () => {
    const dir = folder('prisma', { '20240102_b/migration.sql': '', '20240101_a/migration.sql': '', 'migration_lock.toml': '' })
    expect((await detectLayout(dir))?.name).toBe('prisma')
    expect(await names(dir)).toEqual([[join('20240101_a', 'migration.sql'), true], [join('20240102_b', 'migration.sql'), true]])
  })

  it('Drizzle: the order of meta/_journal.json, not of the names', async () => {
    const journal = { entries: [{ idx: 0, tag: '0001_zeta' }, { idx: 1, tag: '0000_alpha' }] }
    const dir = folder('drizzle', { 'meta/_journal.json': JSON.stringify(journal), '0000_alpha.sql': '', '0001_zeta.sql': '' })
    expect((await detectLayout(dir))?.name).toBe('drizzle')
    expect(await names(dir)).toEqual([['0001_zeta.sql', true], ['0000_alpha.sql', true]])
  })

  it('node-pg-migrate SQL: only the Up part is checked, lines kept', async () => {
    const text = '-- Up Migration\nalter table t add column a int;\n-- Down Migration\nalter table t drop column a;\n'
    const dir = folder('npm', { '1700000000000_add-a.sql': text })
    expect((await detectLayout(dir))?.name).toBe('node-pg-migrate')
    const [file] = await readMigrations([dir])
    expect(file?.text).toBe('-- Up Migration\nalter table t add column a int;\n\n\n')
    expect(file?.transactional).toBe(true)
  })

  it('Kysely: up(db) runs against a recording driver; its SQL is the migration', async () => {
    const dir = folder('kysely', {
      '2024_01_add_pets.ts': `import { Kysely, sql } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('pets').addColumn('id', 'serial', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull().defaultTo('rex')).execute()
  await db.schema.alterTable('owners').dropColumn('nickname').execute()
  await db.schema.createIndex('pets_name').on('pets').column('name').execute()
  await sql\`alter table owners add constraint x check (id > 0)\`.execute(db)
}
export async function down(db: Kysely<any>): Promise<void> {}
`,
    })
    expect((await detectLayout(dir))?.name).toBe('kysely')
    const [file] = await readMigrations([dir])
    expect(file?.transactional).toBe(true)
    expect(file?.text.split('\n').filter(Boolean)).toEqual([
      `create table "pets" ("id" serial primary key, "name" text default 'rex' not null);`,
      'alter table "owners" drop column "nickname";',
      'create index "pets_name" on "pets" ("name");',
      'alter table owners add constraint x check (id > 0);',
    ])
  })

  it('a Kysely module without up(db) is an input error', async () => {
    const dir = folder('kysely-bad', { '1_x.ts': 'export const nothing = 1\n' })
    await expect(readMigrations([dir])).rejects.toThrow(/must export an `up\(db\)` function/)
  })

  it('single files take their layout from their name; a missing path is an input error', async () => {
    const dir = folder('single', { 'V3__x.sql': 'select 1;', 'x.sql': 'select 1;' })
    const files = await readMigrations([join(dir, 'V3__x.sql'), join(dir, 'x.sql')])
    expect(files.map((f) => f.transactional)).toEqual([true, false])
    await expect(readMigrations([join(dir, 'missing.sql')])).rejects.toThrow(/no such file or folder/)
  })

  it('files and folders named together keep the order given; a folder named like a SQL file is a folder', async () => {
    const dir = folder('mixed', { 'a.sql': 'select 1;', 'dir.sql/1_x.sql': 'select 2;', 'dir.sql/2_y.sql': 'select 3;', 'z.sql': 'select 4;' })
    const files = await readMigrations([join(dir, 'z.sql'), join(dir, 'dir.sql'), join(dir, 'a.sql')])
    expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual(['z.sql', 'dir.sql/1_x.sql', 'dir.sql/2_y.sql', 'a.sql'])
    await expect(readMigrations([join(dir, 'z.sql', 'under-a-file.sql')])).rejects.toThrow(/no such file or folder/)
  })
})
