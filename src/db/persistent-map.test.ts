import { describe, expect, it } from 'vitest'
import { PersistentMap } from './persistent-map.js'

describe('PersistentMap', () => {
  it('leaves earlier versions unchanged', () => {
    const a = PersistentMap.from(new Map([['x', 1]]))
    const b = a.with('y', 2).with('x', undefined)
    expect([...a]).toEqual([['x', 1]])
    expect([...b]).toEqual([['y', 2]])
    expect([a.size, b.size, b.has('x'), b.get('y')]).toEqual([1, 1, false, 2])
  })

  it('folds long chains of writes into a new base and keeps every entry', () => {
    let map = PersistentMap.from(new Map<string, number>())
    const versions: PersistentMap<number>[] = []
    for (let i = 0; i < 100; i++) {
      map = map.with(`k${i}`, i)
      versions.push(map)
    }
    expect(map.size).toBe(100)
    expect(map.get('k0')).toBe(0)
    expect(versions[9]!.size).toBe(10)
    expect(versions[9]!.has('k10')).toBe(false)
    expect([...map.keys()].sort()).toHaveLength(100)
  })
})
