import { sql } from 'kysely'
import { isExtensionMember, isUserNamespace, jsonRows, userRelationIds, type CatalogDb } from './catalog.js'

// One reader per catalog, each a kysely query over the user's objects (not PostgreSQL's, not an
// extension's), for introspect-schema.ts to assemble into a SchemaModel.

/** A table, partition, view, materialized view or sequence of the user's. */
export interface RelationRow {
  readonly id: string
  readonly schema: string
  readonly name: string
  /** `r` table, `p` partitioned table, `v` view, `m` materialized view, `S` sequence. */
  readonly kind: string
  readonly persistence: string
  /** The parent's id, for a partition. */
  readonly parent: string | null
}

export function readRelations(db: CatalogDb): Promise<RelationRow[]> {
  return jsonRows(
    db,
    db
      .selectFrom('pg_class as c')
      .innerJoin('pg_namespace as n', 'n.oid', 'c.relnamespace')
      .leftJoin('pg_inherits as i', (join) => join.onRef('i.inhrelid', '=', 'c.oid').on('c.relispartition', '=', true))
      .select([
        sql<string>`c.oid::text`.as('id'),
        'n.nspname as schema',
        'c.relname as name',
        sql<string>`c.relkind::text`.as('kind'),
        sql<string>`c.relpersistence::text`.as('persistence'),
        sql<string | null>`i.inhparent::text`.as('parent'),
      ])
      .where(sql.ref('c.relkind'), 'in', ['r', 'p', 'v', 'm', 'S'])
      .where(isUserNamespace(sql.ref('n.nspname')))
      .where((eb) => eb.not(isExtensionMember('pg_class', sql.ref('c.oid'))))
      // The sequence behind a serial or identity column belongs to the column, as in static replay.
      .where(
        sql<boolean>`not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
          and c.relkind = 'S' and d.refobjsubid > 0 and d.deptype in ('a', 'i'))`,
      )
      .orderBy('n.nspname')
      .orderBy('c.relname'),
  )
}

export interface ColumnRow {
  readonly relation: string
  readonly attnum: number
  readonly name: string
  /** `format_type`: `character varying(32)`, `integer[]`, `"Status"`. */
  readonly type: string
  readonly notNull: boolean
  /** `a` always, `d` by default, `` none. */
  readonly identity: string
  /** `s` stored, `v` virtual, `` none. */
  readonly generated: string
  /** `pg_get_expr` of the default (or of the generation expression when `generated`). */
  readonly expression: string | null
}

export function readColumns(db: CatalogDb): Promise<ColumnRow[]> {
  return jsonRows(
    db,
    db
      .selectFrom('pg_attribute as a')
      .leftJoin('pg_attrdef as d', (join) => join.onRef('d.adrelid', '=', 'a.attrelid').onRef('d.adnum', '=', 'a.attnum'))
      .select([
        sql<string>`a.attrelid::text`.as('relation'),
        'a.attnum as attnum',
        'a.attname as name',
        sql<string>`format_type(a.atttypid, a.atttypmod)`.as('type'),
        'a.attnotnull as notNull',
        sql<string>`a.attidentity::text`.as('identity'),
        sql<string>`a.attgenerated::text`.as('generated'),
        sql<string | null>`pg_get_expr(d.adbin, d.adrelid)`.as('expression'),
      ])
      .where(sql<boolean>`a.attrelid in ${userRelationIds}`)
      .where('a.attnum', '>', 0)
      .where('a.attisdropped', '=', false)
      .orderBy('a.attrelid')
      .orderBy('a.attnum'),
  )
}

export interface ConstraintRow {
  readonly id: string
  readonly relation: string
  readonly name: string
  /** `c` check, `u` unique, `p` primary key, `f` foreign key, `x` exclude, `n` not null (PG18), `t` trigger. */
  readonly type: string
  readonly valid: boolean
  readonly columns: ReadonlyArray<number> | null
  readonly referenced: string | null
  readonly referencedColumns: ReadonlyArray<number> | null
  readonly index: string | null
  /** `pg_get_expr` of a CHECK. */
  readonly expression: string | null
}

export function readConstraints(db: CatalogDb): Promise<ConstraintRow[]> {
  return jsonRows(
    db,
    db
      .selectFrom('pg_constraint as k')
      .leftJoin('pg_class as i', 'i.oid', 'k.conindid')
      .select([
        sql<string>`k.oid::text`.as('id'),
        sql<string>`k.conrelid::text`.as('relation'),
        'k.conname as name',
        sql<string>`k.contype::text`.as('type'),
        'k.convalidated as valid',
        sql<number[] | null>`k.conkey::int2[]`.as('columns'),
        sql<string | null>`nullif(k.confrelid, 0)::text`.as('referenced'),
        sql<number[] | null>`k.confkey::int2[]`.as('referencedColumns'),
        'i.relname as index',
        sql<string | null>`case when k.contype = 'c' then pg_get_expr(k.conbin, k.conrelid) end`.as('expression'),
      ])
      .where(sql<boolean>`k.conrelid in ${userRelationIds}`)
      .where(sql.ref('k.contype'), 'in', ['c', 'u', 'p', 'f', 'x'])
      .orderBy('k.conrelid')
      .orderBy('k.conname'),
  )
}

export interface IndexRow {
  readonly id: string
  readonly schema: string
  readonly name: string
  readonly relation: string
  readonly unique: boolean
  /** Column numbers; 0 for an expression. */
  readonly columns: ReadonlyArray<number>
  readonly partial: boolean
  readonly method: string
}

export function readIndexes(db: CatalogDb): Promise<IndexRow[]> {
  return jsonRows(
    db,
    db
      .selectFrom('pg_index as x')
      .innerJoin('pg_class as i', 'i.oid', 'x.indexrelid')
      .innerJoin('pg_namespace as n', 'n.oid', 'i.relnamespace')
      .innerJoin('pg_am as am', 'am.oid', 'i.relam')
      .select([
        sql<string>`x.indexrelid::text`.as('id'),
        'n.nspname as schema',
        'i.relname as name',
        sql<string>`x.indrelid::text`.as('relation'),
        'x.indisunique as unique',
        sql<number[]>`x.indkey::int2[]`.as('columns'),
        sql<boolean>`x.indpred is not null`.as('partial'),
        'am.amname as method',
      ])
      .where(sql<boolean>`x.indrelid in ${userRelationIds}`)
      .orderBy('n.nspname')
      .orderBy('i.relname'),
  )
}

export interface TypeRow {
  readonly id: string
  readonly schema: string
  readonly name: string
  /** `e` enum, `c` composite, `d` domain, `r` range. */
  readonly kind: string
  /** A domain's base type (`format_type`). */
  readonly base: string | null
  /** A domain with NOT NULL or CHECK constraints. */
  readonly constrained: boolean
}

export function readTypes(db: CatalogDb): Promise<TypeRow[]> {
  return jsonRows(
    db,
    db
      .selectFrom('pg_type as t')
      .innerJoin('pg_namespace as n', 'n.oid', 't.typnamespace')
      .leftJoin('pg_class as r', 'r.oid', 't.typrelid')
      .select([
        sql<string>`t.oid::text`.as('id'),
        'n.nspname as schema',
        't.typname as name',
        sql<string>`t.typtype::text`.as('kind'),
        sql<string | null>`case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end`.as('base'),
        sql<boolean>`t.typnotnull or exists (select 1 from pg_constraint k where k.contypid = t.oid)`.as('constrained'),
      ])
      .where(sql.ref('t.typtype'), 'in', ['e', 'c', 'd', 'r'])
      // A composite type is a table's row type unless it stands alone (relkind 'c').
      .where((eb) => eb.or([eb('t.typtype', '<>', 'c'), eb(sql.ref('r.relkind'), '=', 'c')]))
      .where(isUserNamespace(sql.ref('n.nspname')))
      .where((eb) => eb.not(isExtensionMember('pg_type', sql.ref('t.oid'))))
      .orderBy('n.nspname')
      .orderBy('t.typname'),
  )
}

export interface EnumValueRow {
  readonly id: string
  readonly type: string
  readonly label: string
  readonly position: number
}

/** Enum labels, in each type's order (sorted here: an aggregate's input order is not a promise). */
export async function readEnumValues(db: CatalogDb): Promise<EnumValueRow[]> {
  const rows = await jsonRows(
    db,
    db
      .selectFrom('pg_enum as e')
      .select([sql<string>`e.oid::text`.as('id'), sql<string>`e.enumtypid::text`.as('type'), 'e.enumlabel as label', sql<number>`e.enumsortorder::float8`.as('position')]),
  )
  return rows.sort((a, b) => (a.type === b.type ? a.position - b.position : a.type < b.type ? -1 : 1))
}

export async function readSchemaNames(db: CatalogDb): Promise<string[]> {
  const rows = await db
    .selectFrom('pg_namespace as n')
    .select('n.nspname as name')
    .where(isUserNamespace(sql.ref('n.nspname')))
    .orderBy('n.nspname')
    .execute()
  return rows.map((r) => r.name)
}

export async function readExtensionNames(db: CatalogDb): Promise<string[]> {
  const rows = await db.selectFrom('pg_extension').select('extname').where('extname', '<>', 'plpgsql').orderBy('extname').execute()
  return rows.map((r) => r.extname)
}

/** User functions declared IMMUTABLE or STABLE, lower-case. */
export async function readStableFunctions(db: CatalogDb): Promise<string[]> {
  const rows = await db
    .selectFrom('pg_proc as p')
    .innerJoin('pg_namespace as n', 'n.oid', 'p.pronamespace')
    .select(sql<string>`lower(p.proname)`.as('name'))
    .distinct()
    .where(sql.ref('p.provolatile'), 'in', ['i', 's'])
    .where(isUserNamespace(sql.ref('n.nspname')))
    .where((eb) => eb.not(isExtensionMember('pg_proc', sql.ref('p.oid'))))
    .orderBy('name')
    .execute()
  return rows.map((r) => r.name)
}
