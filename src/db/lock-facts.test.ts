import { describe, expect, it } from 'vitest'
import { blocksReads, blocksWrites, lockFacts, strongest } from './lock-facts.js'

describe('lock facts', () => {
  it('follows the PostgreSQL version where the docs say it changed', () => {
    expect(lockFacts('add-column-default', 10).rewrite).toBe(true)
    expect(lockFacts('add-column-default', 11).rewrite).toBe(false)
    expect(lockFacts('set-not-null-proven', 11).scan).toBe(true)
    expect(lockFacts('set-not-null-proven', 12).scan).toBe(false)
    expect(lockFacts('attach-partition', 11).level).toBe('ACCESS EXCLUSIVE')
    expect(lockFacts('attach-partition', 12).level).toBe('SHARE UPDATE EXCLUSIVE')
    expect(lockFacts('detach-partition-concurrently', 14).level).toBe('SHARE UPDATE EXCLUSIVE')
    expect(lockFacts('rename-index', 12).level).toBe('SHARE UPDATE EXCLUSIVE')
  })

  it('knows which levels block reads and writes', () => {
    expect([blocksWrites('SHARE UPDATE EXCLUSIVE'), blocksWrites('SHARE'), blocksReads('SHARE ROW EXCLUSIVE'), blocksReads('ACCESS EXCLUSIVE')]).toEqual([false, true, false, true])
    expect(lockFacts('create-index', 15)).toMatchObject({ level: 'SHARE', scan: true, rewrite: false })
    expect(lockFacts('add-foreign-key', 15)).toMatchObject({ level: 'SHARE ROW EXCLUSIVE', scan: true })
  })

  it('picks the strongest lock of a statement', () => {
    const all = [lockFacts('set-storage-options', 15, 't'), lockFacts('type-change-rewrite', 15, 't'), lockFacts('add-column', 15, 't')]
    expect(strongest(all)).toMatchObject({ level: 'ACCESS EXCLUSIVE', rewrite: true, table: 't' })
    expect(strongest([])).toBeUndefined()
  })
})
