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

  it('agrees with a copied Map at every version, across folds, overwrites and removals', () => {
    let seed = 7
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    let map = PersistentMap.from(new Map([['k0', 0]]))
    let model = new Map([['k0', 0]])
    const versions: Array<[PersistentMap<number>, Map<string, number>]> = []
    for (let i = 0; i < 400; i++) {
      const key = `k${random(60)}`
      const value = random(4) === 0 ? undefined : i
      map = map.with(key, value)
      model = new Map(model)
      if (value === undefined) model.delete(key)
      else model.set(key, value)
      versions.push([map, model])
    }
    for (const [version, expected] of versions) {
      expect(version.size).toBe(expected.size)
      expect(new Map(version)).toEqual(expected)
      for (let k = 0; k < 60; k++) expect([version.has(`k${k}`), version.get(`k${k}`)]).toEqual([expected.has(`k${k}`), expected.get(`k${k}`)])
      const seen: string[] = []
      version.forEach((_, key) => seen.push(key))
      expect(seen).toEqual([...version.keys()])
    }
  })
})
