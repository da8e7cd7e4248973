import { acceptedByOtherBranch, type BranchCover } from './branch-cover.js'
import { compareKeywords, compareTypes } from './compare-keywords.js'
import { compareStructure, compareUnions } from './compare-structure.js'
import type { Schema } from './model.js'
import type { PairSink, RelativeChange, SchemaViews } from './relative-change.js'
import { typesDisjoint } from './schema-effects.js'
import { ShapeIndex } from './shape-index.js'
import { markDirty } from './mark-dirty.js'

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

function rebase(change: RelativeChange, path: ReadonlyArray<string>): RelativeChange {
  return path.length === 0 ? change : { ...change, path: [...path, ...change.path] }
}

type Edge = PairNode['edges'][number]

const branchSegment = /^(oneOf|anyOf)\[(\d+)\]$/

/** The cover a walk enters through an edge from `node`: B's union branch, when the edge is one. */
function coverOf(node: PairNode, edge: Edge): BranchCover | undefined {
  const match = branchSegment.exec(edge.segment)
  if (match === null) return undefined
  const keyword = match[1] as 'oneOf' | 'anyOf'
  if (node.after[keyword] === undefined) return undefined // A's union against B's plain schema
  return { union: node.after, keyword, branch: Number(match[2]), original: edge.node.before }
}

interface Visit {
  readonly node: PairNode
  readonly path: ReadonlyArray<string>
  /** The nearest union branch of B on the way here (request views only), and where its path starts. */
  readonly cover: BranchCover | undefined
  readonly coverDepth: number
}

/** Decides whether a change inside a union branch is held back; `path` is relative to the branch. */
type IsCovered = (change: RelativeChange, path: ReadonlyArray<string>, cover: BranchCover) => boolean

/**
 * Depth-first from `root`, skipping pairs that lead to no change; each change once, at the first
 * path where it counts. `isCovered` may hold back a change inside a union branch (a value another
 * branch of B accepts): such a change is still reported where the same pair is reached outside
 * that cover, so once something is held back a pair is walked again under another cover (what it
 * already reported is not repeated).
 */
function collect(root: PairNode, isCovered: IsCovered | undefined): ReadonlyArray<RelativeChange> {
  const out: RelativeChange[] = []
  const visited = new Map<PairNode, Set<BranchCover | undefined>>()
  const covers = new Map<Edge, BranchCover | undefined>()
  const emitted = new Set<RelativeChange>()
  // Until a change is held back, one visit per pair says all (the usual case, and the fast one).
  let heldBack = false
  const stack: Visit[] = [{ node: root, path: [], cover: undefined, coverDepth: 0 }]
  while (stack.length > 0) {
    const { node, path, cover, coverDepth } = stack.pop() as Visit
    const seen = visited.get(node)
    if (seen !== undefined && (!heldBack || seen.has(undefined) || seen.has(cover))) continue
    if (seen === undefined) visited.set(node, new Set([cover]))
    else seen.add(cover)
    for (const change of node.changes) {
      if (emitted.has(change)) continue
      const placed = rebase(change, path)
      if (cover !== undefined && isCovered?.(placed, placed.path.slice(coverDepth), cover) === true) {
        heldBack = true
        continue
      }
      emitted.add(change)
      out.push(placed)
    }
    for (let i = node.edges.length - 1; i >= 0; i--) {
      const edge = node.edges[i] as Edge
      if (!edge.node.dirty) continue
      const next = [...path, edge.segment]
      if (!covers.has(edge)) covers.set(edge, isCovered === undefined ? undefined : coverOf(node, edge))
      const inner = covers.get(edge)
      if (inner === undefined) stack.push({ node: edge.node, path: next, cover, coverDepth })
      else stack.push({ node: edge.node, path: next, cover: inner, coverDepth: next.length })
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

  const collecting = new Set<PairNode>()
  const diffPair = (before: Schema, after: Schema): ReadonlyArray<RelativeChange> | undefined => {
    if (unchanged(before, after)) return []
    const root = nodeFor(before, after)
    while (pending.length > 0) expand(pending.pop() as PairNode)
    if (!root.dirty) return []
    if (root.flat === undefined) {
      if (collecting.has(root)) return undefined // asked again while it is being walked: a cycle
      collecting.add(root)
      root.flat = collect(root, isCovered)
      collecting.delete(root)
    }
    return root.flat
  }
  // Request data only: B must accept what A accepted, and another branch of B may be what does.
  const isCovered =
    views.after === 'request'
      ? (change: RelativeChange, path: ReadonlyArray<string>, cover: BranchCover): boolean =>
          change.kind === 'enum-value-removed' && acceptedByOtherBranch(cover, path, change.value, diffPair)
      : undefined

  return {
    diff: (before, after) => diffPair(before, after) ?? [],
    get pairsCompared() {
      return nodes.size
    },
  }
}
