import { randomBytes } from 'node:crypto'
import { queryServer, serverUrl } from './postgres-server.js'

/** A database a test makes on the server (not through the code under test) and drops at the end. */
export interface TestDatabase {
  readonly name: string
  readonly url: string
  query<R extends Record<string, unknown>>(sql: string): Promise<R[]>
  drop(): Promise<void>
}

export async function createTestDatabase(prefix = 'rollsafe_test'): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`
  await queryServer(`create database "${name}"`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    query: (sql) => queryServer(sql, url.toString()),
    drop: async () => {
      await queryServer(`drop database if exists "${name}" with (force)`)
    },
  }
}
