import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely'

/**
 * The PostgreSQL system catalogs rollsafe reads, as kysely tables (only the columns it uses).
 * Object ids are read as text (`oid::text`) so that both drivers give the same value.
 */
export type Catalog = {
  pg_namespace: { oid: number; nspname: string }
  pg_class: {
    oid: number
    relname: string
    relnamespace: number
    relkind: string
    relpersistence: string
    relispartition: boolean
    relfilenode: number
    relam: number
  }
  pg_attribute: {
    attrelid: number
    attnum: number
    attname: string
    atttypid: number
    atttypmod: number
    attnotnull: boolean
    attisdropped: boolean
    attidentity: string
    attgenerated: string
  }
  pg_attrdef: { adrelid: number; adnum: number; adbin: unknown }
  pg_constraint: {
    oid: number
    conname: string
    contype: string
    conrelid: number
    contypid: number
    conindid: number
    confrelid: number
    convalidated: boolean
    conkey: number[] | null
    confkey: number[] | null
    conbin: unknown
  }
  pg_index: { indexrelid: number; indrelid: number; indisunique: boolean; indkey: unknown; indpred: unknown }
  pg_am: { oid: number; amname: string }
  pg_type: {
    oid: number
    typname: string
    typnamespace: number
    typtype: string
    typrelid: number
    typbasetype: number
    typtypmod: number
    typnotnull: boolean
  }
  pg_enum: { oid: number; enumtypid: number; enumlabel: string; enumsortorder: number }
  pg_inherits: { inhrelid: number; inhparent: number }
  pg_depend: { classid: number; objid: number; deptype: string }
  pg_extension: { extname: string }
  pg_proc: { oid: number; proname: string; pronamespace: number; provolatile: string }
  pg_locks: { locktype: string; relation: number | null; mode: string; granted: boolean; pid: number | null }
}

export type CatalogDb = Kysely<Catalog>

/** The catalog view of a session's kysely instance. */
export function catalogOf(db: Kysely<unknown>): CatalogDb {
  return db.withTables<Catalog>() as unknown as CatalogDb
}

/** Namespaces that hold PostgreSQL's own objects, never the user's. */
export function isUserNamespace(nspname: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`(${nspname} not like 'pg\\_%' and ${nspname} <> 'information_schema')`
}

/** The object was created by an extension (`pg_depend.deptype = 'e'`): not the user's schema. */
export function isExtensionMember(catalog: 'pg_class' | 'pg_type' | 'pg_proc', oid: Expression<number>): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from pg_depend d where d.classid = ${sql.lit(catalog)}::regclass and d.objid = ${oid} and d.deptype = 'e')`
}

/** Ids of the user's tables, views and sequences, as a subquery. */
export const userRelationIds = sql`(select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'S') and ${isUserNamespace(sql.ref('n.nspname'))}
  and not ${isExtensionMember('pg_class', sql.ref('c.oid'))})`

/**
 * Runs a catalog query and returns its rows shipped as one JSON value: handing over a thousand
 * small rows one by one costs PGlite ten times what the query does. Rows keep the query's order.
 */
export async function jsonRows<O>(db: CatalogDb, query: SelectQueryBuilder<Catalog, any, O>): Promise<O[]> {
  const result = await db.selectFrom(query.as('r')).select(sql<unknown>`coalesce(json_agg(r), '[]'::json)`.as('rows')).executeTakeFirst()
  const rows = result?.rows
  return (typeof rows === 'string' ? JSON.parse(rows) : (rows ?? [])) as O[]
}
