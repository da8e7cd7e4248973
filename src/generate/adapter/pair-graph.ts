import { matchBranches } from '../../api/match-branches.js'
import type { Schema } from '../../api/model.js'
import type { RelativeChange } from '../../api/relative-change.js'
import type { ObjectStep, Side } from './adapter-plan.js'
import type { Hints } from './extensions.js'
import { analyzePair, type PairSteps } from './schema-steps.js'
import { markDirty } from '../../api/mark-dirty.js'

/** Where a sub-pair sits in its parent, named on the input side of the direction. */
export type Segment =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'items' | 'values' | 'all-of' }
  | { readonly kind: 'tuple'; readonly index: number }
  | { readonly kind: 'branch'; readonly index: number }

/** One schema pair in one direction: its own steps and the sub-pairs it leads to. */
export interface PairNode {
  readonly side: Side
  readonly before: Schema
  readonly after: Schema
  /** Where it was first reached, for messages: `POST /pets request body \`owner\``. */
  readonly where: string
  readonly steps: PairSteps
  /** Old defaults an upgrade fills in for properties whose default changed. */
  readonly defaults: ObjectStep[]
  readonly edges: Array<{ readonly segment: Segment; readonly node: PairNode }>
  readonly parents: PairNode[]
  /** It, or a pair below it, has something to convert. */
  dirty: boolean
}

/** Finds the changes the diff reported at one schema pair in one direction. */
export type ChangesAt = (before: Schema, after: Schema, side: Side) => ReadonlyArray<RelativeChange>

export interface PairGraph {
  /**
   * The node of a root pair, with everything below it expanded and `dirty` settled, and the nodes
   * this call met for the first time.
   */
  root(before: Schema, after: Schema, side: Side, where: string): { readonly node: PairNode; readonly fresh: ReadonlyArray<PairNode> }
  has(before: Schema, after: Schema, side: Side): boolean
}

function describeSegment(segment: Segment): string {
  if (segment.kind === 'property') return `property \`${segment.name}\``
  if (segment.kind === 'tuple') return `item ${segment.index}`
  if (segment.kind === 'branch') return `branch ${segment.index + 1}`
  return segment.kind === 'items' ? 'items' : segment.kind === 'values' ? 'values' : 'allOf member'
}

/** `schema \`Pet\`` for a component, else where the walk first met it. */
function placeOf(node: PairNode): string {
  const component = node.after.name ?? node.before.name
  return component === undefined ? node.where : `schema \`${component}\``
}

/**
 * Walks A's and B's schemas together the way the diff pairs them (properties by name, renamed
 * properties, additional properties, items, tuples, allOf members, matched union branches). Pairs
 * are memoized per direction, so shared and recursive schemas are walked once and the walk ends.
 */
export function createPairGraph(hints: Hints, changesAt: ChangesAt): PairGraph {
  const nodes = new Map<string, PairNode>()
  const keyOf = (before: Schema, after: Schema, side: Side): string => `${side}:${before.id}:${after.id}`

  const nodeFor = (before: Schema, after: Schema, side: Side, where: string, fresh: PairNode[]): PairNode => {
    const key = keyOf(before, after, side)
    const known = nodes.get(key)
    if (known !== undefined) return known
    const steps = analyzePair(before, after, side, changesAt(before, after, side), hints)
    const node: PairNode = { side, before, after, where, steps, defaults: [], edges: [], parents: [], dirty: false }
    nodes.set(key, node)
    fresh.push(node)
    return node
  }

  const expand = (node: PairNode, fresh: PairNode[]): void => {
    const { before, after, side } = node
    const link = (segment: Segment, a: Schema, b: Schema): void => {
      const child = nodeFor(a, b, side, `${placeOf(node)} ${describeSegment(segment)}`, fresh)
      node.edges.push({ segment, node: child })
      child.parents.push(node)
    }
    for (const name of [...before.properties.keys()].sort()) {
      const b = after.properties.get(name)
      const a = before.properties.get(name) as Schema
      if (b === undefined) continue
      link({ kind: 'property', name }, a, b)
      if (side === 'upgrade' && a.hasDefault && changesAt(a, b, side).some((c) => c.kind === 'default-changed')) {
        node.defaults.push({ kind: 'default', name, value: a.default })
      }
    }
    for (const rename of node.steps.renames) {
      const name = side === 'upgrade' ? rename.before : rename.after
      link({ kind: 'property', name }, before.properties.get(rename.before) as Schema, after.properties.get(rename.after) as Schema)
    }
    const [extraA, extraB] = [before.additionalProperties, after.additionalProperties]
    if (typeof extraA !== 'boolean' && typeof extraB !== 'boolean') link({ kind: 'values' }, extraA, extraB)
    if (before.items !== undefined && after.items !== undefined) link({ kind: 'items' }, before.items, after.items)
    const tuple = Math.min(before.prefixItems?.length ?? 0, after.prefixItems?.length ?? 0)
    for (let index = 0; index < tuple; index++) {
      link({ kind: 'tuple', index }, before.prefixItems?.[index] as Schema, after.prefixItems?.[index] as Schema)
    }
    if (before.allOf !== undefined && before.allOf.length === after.allOf?.length) {
      before.allOf.forEach((member, index) => link({ kind: 'all-of' }, member, after.allOf?.[index] as Schema))
    }
    const keyword = before.oneOf !== undefined ? 'oneOf' : 'anyOf'
    const [branchesA, branchesB] = [before[keyword], after[keyword]]
    if (branchesA !== undefined && branchesB !== undefined) {
      const options = { before: before.discriminator, after: after.discriminator, sameShape: () => false }
      for (const [i, j] of matchBranches(branchesA, branchesB, options).matched) {
        link({ kind: 'branch', index: side === 'upgrade' ? i : j }, branchesA[i] as Schema, branchesB[j] as Schema)
      }
    }
    const { values, objects, manual } = node.steps
    if (values.length + objects.length + manual.length + node.defaults.length > 0) markDirty(node)
  }

  return {
    root(before, after, side, where) {
      const fresh: PairNode[] = []
      const node = nodeFor(before, after, side, where, fresh)
      for (let i = 0; i < fresh.length; i++) expand(fresh[i] as PairNode, fresh)
      for (const each of fresh) if (each.edges.some((edge) => edge.node.dirty)) markDirty(each)
      return { node, fresh }
    },
    has: (before, after, side) => nodes.has(keyOf(before, after, side)),
  }
}
