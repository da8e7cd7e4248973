import type { Kysely } from 'kysely'

/** A row as the drivers return it. */
export type Row = Readonly<Record<string, unknown>>

/**
 * One database session (one backend): what the shadow database, the live database and the
 * catalog introspection run on. PGlite and a `pg` client both implement it, so nothing above
 * this interface knows which PostgreSQL it talks to.
 *
 * Everything must go through the same backend: `pg_locks` is read for `pg_backend_pid()`.
 *
 * @example
 * const rows = await session.exec('begin; create table t (a int); select 1 as one')
 * rows[0]?.one // 1 — the rows of the last statement
 */
export interface SqlSession {
  /** `pglite` or `postgres`. */
  readonly engine: 'pglite' | 'postgres'
  /** Runs one or more statements (simple query protocol); the rows of the last one. */
  exec(sql: string): Promise<ReadonlyArray<Row>>
  /** kysely over this very session, for catalog queries. */
  readonly db: Kysely<unknown>
  /** Ends the session (and, for a shadow database, removes it). Safe to call twice. */
  close(): Promise<void>
}

/** What rollsafe reads of a PostgreSQL error, whichever driver raised it. */
export interface SqlErrorInfo {
  readonly message: string
  /** SQLSTATE, `25001` for "cannot run inside a transaction block". */
  readonly code?: string
  /** 1-based character position in the query text, when PostgreSQL reports one. */
  readonly position?: number
}

/** Message, SQLSTATE and position of a PGlite or `pg` error (PGlite gives the position as a string). */
export function sqlErrorInfo(error: unknown): SqlErrorInfo {
  const e = error as { message?: unknown; code?: unknown; position?: unknown }
  const message = typeof e?.message === 'string' ? e.message : String(error)
  const code = typeof e?.code === 'string' ? e.code : undefined
  const position = e?.position === undefined ? undefined : Number(e.position)
  return {
    message,
    ...(code === undefined ? {} : { code }),
    ...(position === undefined || Number.isNaN(position) ? {} : { position }),
  }
}

/** SQLSTATE 25001: CREATE INDEX CONCURRENTLY, VACUUM, … inside a transaction block. */
export function isNoTransactionBlockError(error: unknown): boolean {
  return sqlErrorInfo(error).code === '25001'
}
