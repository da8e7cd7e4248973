/** A node of a graph of schema pairs: changed below it (`dirty`), and the pairs that contain it. */
export interface DirtyNode<N> {
  dirty: boolean
  readonly parents: Iterable<N>
}

/**
 * Marks `start` and every pair that contains it, transitively, as having a change below it. A work
 * list, not recursion: recursive schemas make long parent chains.
 *
 * @example markDirty(pairOf(petA, petB)) // pairOf(pageA, pageB).dirty is now true too
 */
export function markDirty<N extends DirtyNode<N>>(start: N): void {
  const stack = [start]
  while (stack.length > 0) {
    const node = stack.pop() as N
    if (node.dirty) continue
    node.dirty = true
    for (const parent of node.parents) if (!parent.dirty) stack.push(parent)
  }
}
