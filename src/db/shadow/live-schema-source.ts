import { InputError } from '../../core/errors.js'
import { introspectSchema, type IntrospectedSchema } from '../introspect/introspect-schema.js'
import type { SchemaSource } from '../schema-source.js'
import { openPostgresSession, redactedError } from './postgres-session.js'
import { redactUrl } from './redact-url.js'
import type { SqlSession } from './sql-session.js'

// Every transaction of the session is read-only, whatever runs in it; locks and statements time out
// rather than queue behind production traffic.
const readOnlySetup = `set session characteristics as transaction read only;
set statement_timeout = '30s'; set lock_timeout = '2s'; set idle_in_transaction_session_timeout = '60s'`

/**
 * Runs `read` on a live database inside one READ ONLY, REPEATABLE READ transaction (one consistent
 * snapshot), then rolls back and disconnects. rollsafe never writes to a database given with
 * `--database-url`: the session is read-only and so is the transaction.
 *
 * @example
 * const schema = await readLiveDatabase(url, (session) => introspectSchema(session.db))
 */
export async function readLiveDatabase<T>(url: string, read: (session: SqlSession) => Promise<T>): Promise<T> {
  const session = await openPostgresSession(url, { setup: readOnlySetup })
  try {
    await session.exec('begin transaction isolation level repeatable read read only')
    try {
      return await read(session)
    } finally {
      await session.exec('rollback')
    }
  } catch (error) {
    throw error instanceof InputError ? error : redactedError(error, url, 'cannot read the schema')
  } finally {
    await session.close()
  }
}

/** The live schema with catalog identities (for `--trace`, which copies it to the shadow database). */
export function introspectLiveDatabase(url: string): Promise<IntrospectedSchema> {
  return readLiveDatabase(url, (session) => introspectSchema(session.db))
}

/**
 * `--database-url URL` (and `--from-url`): the starting schema read from a live database's catalog,
 * every object `existing`. The URL is shown with its password redacted.
 *
 * @example
 * const base = await liveSchemaSource(process.env.DATABASE_URL!).load({})
 */
export function liveSchemaSource(url: string): SchemaSource {
  return {
    name: redactUrl(url),
    async load() {
      return (await introspectLiveDatabase(url)).model
    },
  }
}
