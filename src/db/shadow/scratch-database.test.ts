import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../core/errors.js'
import { queryServer, serverReachable, serverUrl } from '../../../test/helpers/postgres-server.js'
import { openScratchDatabase, scratchPrefix } from './scratch-database.js'

const reachable = await serverReachable()

async function databaseExists(name: string): Promise<boolean> {
  const rows = await queryServer(`select 1 from pg_database where datname = '${name}'`)
  return rows.length === 1
}

describe.skipIf(!reachable)('openScratchDatabase', () => {
  it('creates its own database, works in it on one backend, and drops it on close', async () => {
    const session = await openScratchDatabase(serverUrl)
    const [{ name, pid } = { name: '', pid: 0 }] = (await session.exec(
      'create table t (a int); select current_database() as name, pg_backend_pid() as pid',
    )) as Array<{ name: string; pid: number }>
    expect(name.startsWith(scratchPrefix)).toBe(true)
    expect(await databaseExists(name)).toBe(true)
    const viaKysely = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(session.db)
    expect(viaKysely.rows[0]?.pid).toBe(pid)
    await session.close()
    expect(await databaseExists(name)).toBe(false)
  })

  it('drops the database even when the session is left in a failed transaction', async () => {
    const session = await openScratchDatabase(serverUrl)
    const [{ name } = { name: '' }] = (await session.exec('select current_database() as name')) as Array<{ name: string }>
    await expect(session.exec('begin; select 1/0')).rejects.toThrow(/division by zero/)
    await session.close()
    expect(await databaseExists(name)).toBe(false)
  })

  it('drops scratch databases killed runs left behind once they are old and unused, and no others', async () => {
    const seconds = Math.floor(Date.now() / 1000)
    const old = `${scratchPrefix}99999_${(seconds - 7200).toString(36)}_0badc0de`
    const young = `${scratchPrefix}99999_${(seconds - 60).toString(36)}_0badc0de`
    for (const name of [old, young]) await queryServer(`create database "${name}"`)
    try {
      const session = await openScratchDatabase(serverUrl)
      await session.close()
      expect(await databaseExists(old)).toBe(false)
      expect(await databaseExists(young)).toBe(true)
    } finally {
      for (const name of [old, young]) await queryServer(`drop database if exists "${name}"`)
    }
  })

  it('names the server without its password when it cannot connect', async () => {
    const error = await openScratchDatabase('postgres://someone:topsecret@127.0.0.1:1/postgres').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toContain('postgres://someone:***@127.0.0.1:1/postgres')
    expect((error as Error).message).not.toContain('topsecret')
  })

  it('rejects a shadow URL that is not a URL', async () => {
    await expect(openScratchDatabase('host=db password=hunter2')).rejects.toThrow('--shadow-url: not a postgres:// URL: host=db password=***')
  })

  const built = new URL('../../../dist/src/db/shadow/scratch-database.js', import.meta.url)
  it.skipIf(!existsSync(built))('drops the database when the process is interrupted', async () => {
    const script = `
      const { openScratchDatabase } = await import(${JSON.stringify(built.href)})
      const session = await openScratchDatabase(${JSON.stringify(serverUrl)})
      const [row] = await session.exec('select current_database() as name')
      console.log(row.name)
      setInterval(() => {}, 1000)`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
    const name = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())))
    expect(await databaseExists(name)).toBe(true)
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exit).toBe(130)
    expect(await databaseExists(name)).toBe(false)
  })
})
