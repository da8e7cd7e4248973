import { randomBytes } from 'node:crypto'
import { InputError } from '../../core/errors.js'
import { openPostgresSession, redactedError, withDatabase } from './postgres-session.js'
import { redactUrl } from './redact-url.js'
import type { SqlSession } from './sql-session.js'

/** Every scratch database rollsafe makes starts with this, so a stray one is easy to recognise. */
export const scratchPrefix = 'rollsafe_shadow_'

const signals = ['SIGINT', 'SIGTERM'] as const

/** A scratch database nobody uses an hour after it was made was left by a killed run. */
const staleAfterSeconds = 3600

/** `rollsafe_shadow_<pid>_<seconds since 1970, base 36>_<random>`: unique, and its age readable. */
function scratchName(now: number): string {
  return `${scratchPrefix}${process.pid}_${Math.floor(now / 1000).toString(36)}_${randomBytes(4).toString('hex')}`
}

/**
 * Drops scratch databases that runs killed with SIGKILL (or a lost connection) left behind: made
 * over an hour ago and without a session. Best effort; other runs' databases are in use or young.
 */
async function dropStale(admin: SqlSession, now: number): Promise<void> {
  const rows = await admin.exec(`select d.datname as name from pg_database d
    where d.datname like '${scratchPrefix.replaceAll('_', '\\_')}%'
      and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`)
  for (const row of rows) {
    const name = String(row['name'])
    const made = /^rollsafe_shadow_\d+_([0-9a-z]+)_[0-9a-f]+$/.exec(name)?.[1]
    if (made === undefined || now / 1000 - parseInt(made, 36) < staleAfterSeconds) continue
    await admin.exec(`drop database if exists "${name}"`).catch(() => {})
  }
}

/**
 * Drops the database when the process is interrupted, then exits as the signal would have
 * (128 + signal number). Returns the function that removes the handlers again.
 */
function dropOnSignal(drop: () => Promise<void>): () => void {
  const handlers = signals.map((signal) => {
    const handler = (): void => {
      void drop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
    }
    process.once(signal, handler)
    return () => process.removeListener(signal, handler)
  })
  return () => handlers.forEach((remove) => remove())
}

/**
 * `--shadow-url URL`: creates a fresh database of rollsafe's own on that server (from
 * `template0`, named `rollsafe_shadow_…`) and returns a session on it. Closing the session drops
 * the database; so do SIGINT and SIGTERM; one left by a killed run is dropped by a later run once
 * it is an hour old and unused. The URL's own database is only used to create and drop them.
 *
 * @example
 * const shadow = await openScratchDatabase('postgres://postgres@127.0.0.1:5432/postgres')
 * try { await shadow.exec('create table t (a int)') } finally { await shadow.close() }
 */
export async function openScratchDatabase(serverUrl: string): Promise<SqlSession> {
  try {
    new URL(serverUrl)
  } catch {
    throw new InputError(`--shadow-url: not a postgres:// URL: ${redactUrl(serverUrl)}`)
  }
  const now = Date.now()
  const name = scratchName(now)
  const admin = await openPostgresSession(serverUrl)
  try {
    await dropStale(admin, now).catch(() => {})
    await admin.exec(`create database "${name}" template template0`)
  } catch (error) {
    await admin.close()
    throw redactedError(error, serverUrl, 'cannot create the shadow database')
  }
  let dropping: Promise<void> | undefined
  const drop = (): Promise<void> => {
    dropping ??= (async () => {
      try {
        // WITH (FORCE) (PG13+) ends sessions still attached, e.g. after an interrupted statement.
        await admin.exec(`drop database if exists "${name}" with (force)`).catch(() => admin.exec(`drop database if exists "${name}"`))
      } finally {
        removeHandlers()
        await admin.close()
      }
    })()
    return dropping
  }
  const removeHandlers = dropOnSignal(drop)
  try {
    return await openPostgresSession(withDatabase(serverUrl, name), { onClose: drop })
  } catch (error) {
    await drop()
    throw error
  }
}
