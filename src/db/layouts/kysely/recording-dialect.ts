import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely'

/** A literal for a bound parameter, so that the recorded SQL parses on its own. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Date) return `'${value.toISOString()}'`
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return `'${text.replace(/'/g, "''")}'`
}

/** `$1` … in compiled SQL replaced by literals of the parameters. */
export function inlineParameters(query: CompiledQuery): string {
  return query.sql.replace(/\$(\d+)/g, (whole, n: string) => {
    const index = Number(n) - 1
    return index < query.parameters.length ? literal(query.parameters[index]) : whole
  })
}

class RecordingConnection implements DatabaseConnection {
  constructor(private readonly sink: string[]) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.sink.push(inlineParameters(query))
    return { rows: [] }
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    return
  }
}

class RecordingDriver implements Driver {
  private readonly connection: RecordingConnection
  constructor(private readonly sink: string[]) {
    this.connection = new RecordingConnection(sink)
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection
  }
  async beginTransaction(): Promise<void> {
    this.sink.push('BEGIN')
  }
  async commitTransaction(): Promise<void> {
    this.sink.push('COMMIT')
  }
  async rollbackTransaction(): Promise<void> {
    this.sink.push('ROLLBACK')
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * A Kysely instance that talks to no database: every query is compiled for PostgreSQL and recorded
 * in `sink` (parameters inlined); every result is empty.
 *
 * @example
 * const sink: string[] = []
 * await recordingKysely(sink).schema.dropTable('pets').execute() // sink: ['drop table "pets"']
 */
export function recordingKysely(sink: string[]): Kysely<unknown> {
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new RecordingDriver(sink),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  }
  return new Kysely<unknown>({ dialect })
}
