import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dataDirCache } from './data-dir-cache.js'
import { openShadowWithHistory, prefixKeys, type HistoryStep } from './history-snapshots.js'

// This file boots PGlite more than once on purpose: what it tests is what one run leaves for the next.
const dir = mkdtempSync(join(tmpdir(), 'rollsafe-cache-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const applied: string[] = []
const step = (n: number): HistoryStep => ({
  identity: `create table t${n} (a int)`,
  apply: async (session) => {
    applied.push(`t${n}`)
    await session.exec(`create table t${n} (a int)`)
  },
})
const steps = (count: number): HistoryStep[] => Array.from({ length: count }, (_, n) => step(n))

async function tablesAfter(history: HistoryStep[]): Promise<number> {
  const session = await openShadowWithHistory(history, { cache: dataDirCache(dir) })
  try {
    const [row] = await session.exec("select count(*)::int as n from pg_tables where tablename like 't%'")
    return Number(row?.['n'])
  } finally {
    await session.close()
  }
}

describe('prefixKeys', () => {
  it('names each prefix by everything before it, so a changed file changes every later key', () => {
    const a = prefixKeys([step(0), step(1), step(2)])
    const b = prefixKeys([step(0), { ...step(1), identity: 'create table t1 (b int)' }, step(2)])
    expect(a[0]).toBe(b[0])
    expect(a[1]).not.toBe(b[1])
    expect(a[2]).not.toBe(b[2])
  })
})

describe('openShadowWithHistory', () => {
  it('caches the state of a history seen before, then replays only what was added to it', async () => {
    expect(await tablesAfter(steps(25))).toBe(25)
    expect(await tablesAfter(steps(25))).toBe(25)
    expect(applied).toHaveLength(50)
    applied.length = 0
    expect(await tablesAfter(steps(26))).toBe(26)
    expect(applied).toEqual(['t25'])
  })

  it('caches a history that grew from one seen before (CI after a new migration landed)', async () => {
    applied.length = 0
    expect(await tablesAfter(steps(30).map((s, n) => ({ ...s, identity: `other ${n}` })).slice(0, 22))).toBe(22)
    expect(await tablesAfter(steps(30).map((s, n) => ({ ...s, identity: `other ${n}` })).slice(0, 23))).toBe(23)
    expect(await tablesAfter(steps(30).map((s, n) => ({ ...s, identity: `other ${n}` })).slice(0, 23))).toBe(23)
    // 22 + 23 replayed in the first two runs (the second one is cached), nothing in the third.
    expect(applied).toHaveLength(45)
  })

  it('replays everything when the cached state is damaged', async () => {
    for (const name of readdirSync(dir).filter((n) => n.includes('history-'))) writeFileSync(join(dir, name), 'not a tarball')
    applied.length = 0
    expect(await tablesAfter(steps(26))).toBe(26)
    expect(applied).toHaveLength(26)
  })
})
