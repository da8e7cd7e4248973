const deleted = Symbol('deleted')

/** Writes collected over a shared base before they are folded into a new base. */
const maxOverlay = 32

/**
 * An immutable map where `with` costs O(overlay) instead of a full copy: a shared base map plus a
 * small overlay of changes, folded into a new base every 32 writes. Replay keeps one schema per
 * statement (rules read the schema before each one), so copying every map on every write would
 * dominate; this keeps snapshots cheap while each stays a plain `ReadonlyMap`.
 *
 * @example
 * const a = PersistentMap.from(new Map([['public.t', 1]]))
 * const b = a.with('public.u', 2) // a is unchanged: a.size === 1, b.size === 2
 */
export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly overlay: ReadonlyMap<string, V | typeof deleted>,
    readonly size: number,
  ) {}

  static from<V>(map: ReadonlyMap<string, V>): PersistentMap<V> {
    return map instanceof PersistentMap ? (map as PersistentMap<V>) : new PersistentMap(map, new Map(), map.size)
  }

  get(key: string): V | undefined {
    const v = this.overlay.get(key)
    if (v === deleted) return undefined
    return v !== undefined ? v : this.base.get(key)
  }

  has(key: string): boolean {
    const v = this.overlay.get(key)
    return v === deleted ? false : v !== undefined || this.base.has(key)
  }

  /** A new map with `key` set to `value`, or removed when `value` is undefined. */
  with(key: string, value: V | undefined): PersistentMap<V> {
    const had = this.has(key)
    if (value === undefined && !had) return this
    const size = this.size + (value === undefined ? -1 : had ? 0 : 1)
    const overlay = new Map(this.overlay)
    overlay.set(key, value === undefined ? deleted : value)
    if (overlay.size <= maxOverlay) return new PersistentMap(this.base, overlay, size)
    const folded = new Map<string, V>()
    for (const [k, v] of new PersistentMap(this.base, overlay, size)) folded.set(k, v)
    return new PersistentMap(folded, new Map(), size)
  }

  *entries(): MapIterator<[string, V]> {
    for (const [k, v] of this.base) if (!this.overlay.has(k)) yield [k, v]
    for (const [k, v] of this.overlay) if (v !== deleted) yield [k, v]
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    // No generator here: the replay walks maps with forEach on hot paths.
    this.base.forEach((v, k) => {
      if (!this.overlay.has(k)) callback(v, k, this)
    })
    this.overlay.forEach((v, k) => {
      if (v !== deleted) callback(v, k, this)
    })
  }
}
