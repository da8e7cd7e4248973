import { randomBytes } from 'node:crypto'
import { InputError } from '../../core/errors.js'
import { openPostgresSession, redactedError, withDatabase } from './postgres-session.js'
import { redactUrl } from './redact-url.js'
import type { SqlSession } from './sql-session.js'

/** Every scratch database rollsafe makes starts with this, so a stray one is easy to recognise. */
export const scratchPrefix = 'rollsafe_shadow_'

const signals = ['SIGINT', 'SIGTERM'] as const

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
 * the database; so do SIGINT and SIGTERM. The URL's own database is only used to create and drop it.
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
  const name = `${scratchPrefix}${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = await openPostgresSession(serverUrl)
  try {
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
