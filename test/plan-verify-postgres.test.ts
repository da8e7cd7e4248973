import { afterAll, beforeAll, describe } from 'vitest'
import { openScratchDatabase } from '../src/db/shadow/scratch-database.js'
import type { SqlSession } from '../src/db/shadow/sql-session.js'
import { itVerifiesEveryPlanCase } from './helpers/plan-cases.js'
import { serverReachable, serverUrl } from './helpers/postgres-server.js'

// Every plan of fixtures/plan/ run on the PostgreSQL server (DATABASE_URL, else 127.0.0.1:5432), in
// one scratch database of its own that is dropped at the end.
const reachable = await serverReachable()

describe.skipIf(!reachable)('plans verified on PostgreSQL', () => {
  let session: SqlSession
  beforeAll(async () => {
    session = await openScratchDatabase(serverUrl)
  })
  afterAll(async () => {
    await session?.close()
  })

  itVerifiesEveryPlanCase(() => session)
})
