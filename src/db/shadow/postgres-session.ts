import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import { InputError } from '../../core/errors.js'
import { redactSecrets, redactUrl } from './redact-url.js'
import type { Row, SqlSession } from './sql-session.js'

/** An error whose text went through `redactSecrets`: safe to print. */
export function redactedError(error: unknown, url: string, what: string): InputError {
  const message = error instanceof Error ? error.message : String(error)
  return new InputError(`${redactUrl(url)}: ${what}: ${redactSecrets(message, url)}`)
}

/** Runs queries on one client one after another (pg deprecates overlapping `client.query` calls). */
function serialized(client: pg.Client): (...args: unknown[]) => Promise<unknown> {
  let tail: Promise<unknown> = Promise.resolve()
  return (...args) => {
    const run = tail.then(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args))
    tail = run.catch(() => {})
    return run
  }
}

/** kysely's pool interface over one client: every query runs on that client's backend. */
function singleClientPool(query: (...args: unknown[]) => Promise<unknown>): PostgresPool {
  const pooled = { query, release: () => {} } as unknown as PostgresPoolClient
  return { connect: async () => pooled, end: async () => {} }
}

export interface PostgresSessionOptions {
  /** Runs after connecting, before any other statement (`set session characteristics …`). */
  readonly setup?: string
  /** Runs before the connection closes (drop the scratch database, …). */
  readonly onClose?: () => Promise<void>
}

/**
 * One connection to a PostgreSQL server as a `SqlSession`. Connection errors become an
 * `InputError` that names the server with its password redacted.
 *
 * @example
 * const session = await openPostgresSession('postgres://postgres@127.0.0.1:5432/postgres')
 * try { await session.exec('select 1') } finally { await session.close() }
 */
export async function openPostgresSession(url: string, options: PostgresSessionOptions = {}): Promise<SqlSession> {
  const client = new pg.Client({ connectionString: url, application_name: 'rollsafe' })
  // An idle client that loses its server emits 'error'; without a listener that crashes the process.
  client.on('error', () => {})
  try {
    await client.connect()
    if (options.setup) await client.query(options.setup)
  } catch (error) {
    await client.end().catch(() => {})
    throw redactedError(error, url, 'cannot connect')
  }
  let closing: Promise<void> | undefined
  const query = serialized(client)
  return {
    engine: 'postgres',
    db: new Kysely<unknown>({ dialect: new PostgresDialect({ pool: singleClientPool(query) }) }),
    async exec(sql: string): Promise<ReadonlyArray<Row>> {
      const result = (await query(sql)) as pg.QueryResult | pg.QueryResult[]
      const last = Array.isArray(result) ? result[result.length - 1] : result
      return (last?.rows ?? []) as ReadonlyArray<Row>
    },
    close() {
      closing ??= client.end().then(
        () => options.onClose?.(),
        () => options.onClose?.(),
      )
      return closing
    },
  }
}

/** The URL with another database name: `postgres://u@h/postgres` → `postgres://u@h/<name>`. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(name)}`
  return parsed.toString()
}
