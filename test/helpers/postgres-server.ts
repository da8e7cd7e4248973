import pg from 'pg'

/** The PostgreSQL server the tests use: `DATABASE_URL`, else the local trust-auth server. */
export const serverUrl = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres'

/** True when the server answers; tests that need it skip (with a warning) otherwise. */
export async function serverReachable(url = serverUrl): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    console.warn(`PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} is not reachable: server tests are skipped`)
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** Runs one query on its own connection (for checks from outside the code under test). */
export async function queryServer<R extends Record<string, unknown>>(text: string, url = serverUrl): Promise<R[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(text)).rows
  } finally {
    await client.end()
  }
}
