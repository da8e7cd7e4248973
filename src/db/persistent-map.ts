const deleted: unique symbol = Symbol('deleted')
type Stored<V> = V | typeof deleted

/** Writes collected over a shared base before they are folded into a new base. */
const maxOverlay = 32

/**
 * An immutable map where `with` costs O(overlay) instead of a full copy: a shared base map plus a
 * small overlay of changes, folded into a new base every 32 writes. Replay keeps one schema per
 * statement (rules read the schema before each one), so copying every map on every write would
 * dominate; this keeps snapshots cheap while each stays a plain `ReadonlyMap`.
 *
 * The overlay is two short arrays (keys, values) searched from the start: copying them on a write
 * is a block copy, where copying a `Map` re-hashes every entry and allocates an iterator result per entry.
 * Iteration order is the base's entries not overwritten, then the overlay's in first-write order.
 *
 * @example
 * const a = PersistentMap.from(new Map([['public.t', 1]]))
 * const b = a.with('public.u', 2) // a is unchanged: a.size === 1, b.size === 2
 */
export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly overKeys: ReadonlyArray<string>,
    private readonly overValues: ReadonlyArray<Stored<V>>,
    readonly size: number,
  ) {}

  static from<V>(map: ReadonlyMap<string, V>): PersistentMap<V> {
    return map instanceof PersistentMap ? (map as PersistentMap<V>) : new PersistentMap(map, [], [], map.size)
  }

  private find(key: string): number {
    const keys = this.overKeys
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i
    return -1
  }

  get(key: string): V | undefined {
    const i = this.find(key)
    if (i === -1) return this.base.get(key)
    const v = this.overValues[i]
    return v === deleted ? undefined : v
  }

  has(key: string): boolean {
    const i = this.find(key)
    return i === -1 ? this.base.has(key) : this.overValues[i] !== deleted
  }

  /** A new map with `key` set to `value`, or removed when `value` is undefined. */
  with(key: string, value: V | undefined): PersistentMap<V> {
    const i = this.find(key)
    const had = i === -1 ? this.base.has(key) : this.overValues[i] !== deleted
    if (value === undefined && !had) return this
    const size = this.size + (value === undefined ? -1 : had ? 0 : 1)
    const stored: Stored<V> = value === undefined ? deleted : value
    if (i !== -1) {
      const values = this.overValues.slice()
      values[i] = stored
      return new PersistentMap(this.base, this.overKeys, values, size)
    }
    const keys = [...this.overKeys, key]
    const values: Array<Stored<V>> = [...this.overValues, stored]
    if (keys.length <= maxOverlay) return new PersistentMap(this.base, keys, values, size)
    const folded = new Map<string, V>()
    new PersistentMap(this.base, keys, values, size).forEach((v, k) => folded.set(k, v))
    return new PersistentMap(folded, [], [], size)
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    // No generator here: the replay walks maps with forEach on hot paths.
    const keys = this.overKeys
    if (keys.length === 0) {
      this.base.forEach((v, k) => callback(v, k, this))
      return
    }
    this.base.forEach((v, k) => {
      if (this.find(k) === -1) callback(v, k, this)
    })
    const values = this.overValues
    for (let i = 0; i < keys.length; i++) {
      const v = values[i]
      if (v !== deleted) callback(v as V, keys[i]!, this)
    }
  }

  entries(): MapIterator<[string, V]> {
    const out: Array<[string, V]> = []
    this.forEach((v, k) => out.push([k, v]))
    return out[Symbol.iterator]()
  }

  keys(): MapIterator<string> {
    const out: string[] = []
    this.forEach((_, k) => out.push(k))
    return out[Symbol.iterator]()
  }

  values(): MapIterator<V> {
    const out: V[] = []
    this.forEach((v) => out.push(v))
    return out[Symbol.iterator]()
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }
}
