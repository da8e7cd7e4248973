import { compareKeywords, compareTypes } from './compare-keywords.js'
import { compareStructure, compareUnions } from './compare-structure.js'
import type { Schema } from './model.js'
import type { PairSink, RelativeChange, SchemaViews } from './relative-change.js'
import { typesDisjoint } from './schema-effects.js'
import { ShapeIndex } from './shape-index.js'

/** One compared schema pair: its own changes and the sub-pairs it leads to. */
interface PairNode {
  readonly before: Schema
  readonly after: Schema
  readonly changes: RelativeChange[]
  readonly edges: Array<{ readonly segment: string; readonly node: PairNode }>
  readonly parents: PairNode[]
  /** Some change is reachable from here. */
  dirty: boolean
  /** Every reachable change with its path from here, once computed. */
  flat?: ReadonlyArray<RelativeChange>
}

/**
 * Compares schema pairs in one pair of views, remembering each pair. Ask it for the changes
 * from one schema to another; the pair is compared once however often it is asked for.
 */
export interface SchemaDiffer {
  /**
   * Every change from `before` to `after`, paths relative to them, in a fixed walk order
   * (a pair's own changes, then its sub-pairs by property name, `{}`, `[]`, tuple, branch). A pair
   * reached twice (shared or recursive schemas) contributes its changes once, at the first path.
   */
  diff(before: Schema, after: Schema): ReadonlyArray<RelativeChange>
  /** How many distinct schema pairs were compared so far. */
  readonly pairsCompared: number
}

function markDirty(start: PairNode): void {
  const stack = [start]
  while (stack.length > 0) {
    const node = stack.pop() as PairNode
    if (node.dirty) continue
    node.dirty = true
    for (const parent of node.parents) if (!parent.dirty) stack.push(parent)
  }
}

function rebase(change: RelativeChange, path: ReadonlyArray<string>): RelativeChange {
  return path.length === 0 ? change : { ...change, path: [...path, ...change.path] }
}

/** Depth-first from `root`, each reachable pair once, skipping pairs that lead to no change. */
function collect(root: PairNode): ReadonlyArray<RelativeChange> {
  const out: RelativeChange[] = []
  const visited = new Set<PairNode>()
  const stack: Array<{ readonly node: PairNode; readonly path: ReadonlyArray<string> }> = [{ node: root, path: [] }]
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: PairNode; path: ReadonlyArray<string> }
    if (visited.has(node)) continue
    visited.add(node)
    for (const change of node.changes) out.push(rebase(change, path))
    for (let i = node.edges.length - 1; i >= 0; i--) {
      const edge = node.edges[i] as PairNode['edges'][number]
      if (edge.node.dirty && !visited.has(edge.node)) stack.push({ node: edge.node, path: [...path, edge.segment] })
    }
  }
  return out
}

/**
 * Creates a memoizing schema comparator for one pair of views. Schemas are shared, recursive
 * objects: pairs are keyed by the two schemas' ids, compared without recursion (a work list), and a
 * pair met again on a cycle is simply linked to, so recursion terminates and each change is
 * reported once. With one view for both sides, pairs that `shapes` finds structurally identical are
 * skipped whole; share one `ShapeIndex` between the differs of one diff.
 *
 * @example
 * const differ = createSchemaDiffer({ before: 'response', after: 'response' })
 * differ.diff(oldPet, newPet) // [{ kind: 'property-removed', name: 'tag', path: [], … }]
 */
export function createSchemaDiffer(views: SchemaViews, shapes: ShapeIndex = new ShapeIndex()): SchemaDiffer {
  const nodes = new Map<string, PairNode>()
  const pending: PairNode[] = []
  const sameShape = (a: Schema, b: Schema): boolean => shapes.same(a, b)
  // Identical structure gives no change when both sides are read in one view; in two views a
  // writeOnly or readOnly property can still come into sight.
  const unchanged = views.before === views.after ? sameShape : (): boolean => false

  const nodeFor = (before: Schema, after: Schema): PairNode => {
    const key = `${before.id}:${after.id}`
    let node = nodes.get(key)
    if (node === undefined) {
      node = { before, after, changes: [], edges: [], parents: [], dirty: false }
      nodes.set(key, node)
      pending.push(node)
    }
    return node
  }

  const expand = (node: PairNode): void => {
    const { before: a, after: b } = node
    const sink: PairSink = {
      views,
      sameShape,
      change: (change) => node.changes.push(change),
      edge: (segment, before, after) => {
        if (unchanged(before, after)) return
        const child = nodeFor(before, after)
        node.edges.push({ segment, node: child })
        child.parents.push(node)
      },
    }
    if (compareUnions(a, b, sink) !== 'wrapped') {
      compareTypes(a, b, sink)
      const comparable = !typesDisjoint(a.types, b.types)
      compareKeywords(a, b, sink, comparable)
      if (comparable) compareStructure(a, b, sink)
    }
    if (node.changes.length > 0) markDirty(node)
    for (const { node: child } of node.edges) if (child.dirty) markDirty(node)
  }

  return {
    diff(before, after) {
      if (unchanged(before, after)) return []
      const root = nodeFor(before, after)
      while (pending.length > 0) expand(pending.pop() as PairNode)
      if (!root.dirty) return []
      root.flat ??= collect(root)
      return root.flat
    },
    get pairsCompared() {
      return nodes.size
    },
  }
}
