import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'

/** What the dialect needs of a PGlite instance (structural, so tests and callers need no PGlite types). */
export interface PGliteQueryable {
  query<R>(sql: string, params?: unknown[]): Promise<{ readonly rows: R[]; readonly affectedRows?: number }>
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGliteQueryable) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiled.sql, [...compiled.parameters])
    const affected = result.affectedRows
    return affected === undefined ? { rows: result.rows } : { rows: result.rows, numAffectedRows: BigInt(affected) }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the PGlite dialect does not stream')
  }
}

/**
 * PGlite is one session: every query goes through the same connection, one at a time, so that
 * `pg_backend_pid()` and open transactions stay those of the caller.
 */
class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | undefined

  constructor(pglite: PGliteQueryable) {
    this.connection = new PGliteConnection(pglite)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue
    let release!: () => void
    this.queue = new Promise((resolve) => (release = resolve))
    await previous
    this.release = release
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const mode = settings.accessMode ? ` ${settings.accessMode}` : ''
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : ''
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}${mode}`))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    this.release?.()
    this.release = undefined
  }

  async destroy(): Promise<void> {}
}

/**
 * A kysely dialect over an open PGlite instance, reusing kysely's PostgreSQL adapter, query
 * compiler and introspector (kysely's own advice for PGlite). The caller owns the instance and closes it.
 *
 * @example
 * const pglite = await PGlite.create()
 * const db = new Kysely<Catalog>({ dialect: new PGliteDialect(pglite) })
 * await db.selectFrom('pg_class').select('relname').execute()
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGliteQueryable) {}

  createDriver(): Driver {
    return new PGliteDriver(this.pglite)
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler()
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter()
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db)
  }
}
