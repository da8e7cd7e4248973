import type { Schema } from '../../api/model.js'
import type { Child, ConverterPlan, Entry, Side } from './adapter-plan.js'
import { branchTest } from './branch-test.js'
import type { Hints } from './extensions.js'
import { camelCase, createNameAllocator, pascalCase } from './names.js'
import { createPairGraph, type ChangesAt, type PairNode, type Segment } from './pair-graph.js'
import type { TypeNames } from './type-names.js'

/**
 * Plans schema converters. From a root pair (a body or response schema in A and B) it finds every
 * pair that changed or holds a changed pair and gives each one converter per direction, so a
 * changed component is converted wherever it occurs: arrays, nested objects, unions, envelopes.
 */
export interface ConverterPlanner {
  /** The converter for a root pair, or `undefined` when nothing inside it needs converting. */
  root(before: Schema, after: Schema, side: Side, base: string, where: string): string | undefined
  /** Whether a walk reached this pair (changes at pairs it never reached need a person). */
  reached(before: Schema, after: Schema, side: Side): boolean
  converters(): ReadonlyArray<ConverterPlan>
  entries(): ReadonlyArray<Entry>
  /** Keeps function names of the operations free, so no converter takes one. */
  reserve(names: Iterable<string>): void
}

function childBase(parentBase: string, segment: Segment): string {
  switch (segment.kind) {
    case 'property':
      return parentBase + pascalCase(segment.name)
    case 'tuple':
      return `${parentBase}Item${segment.index}`
    case 'branch':
      return `${parentBase}Option${segment.index + 1}`
    default:
      return parentBase + { items: 'Item', values: 'Value', 'all-of': 'Part' }[segment.kind]
  }
}

export function createConverterPlanner(names: TypeNames, hints: Hints, changesAt: ChangesAt): ConverterPlanner {
  const graph = createPairGraph(hints, changesAt)
  const functionNames = createNameAllocator()
  const planned = new Map<PairNode, string>()
  const plans: ConverterPlan[] = []
  const entries: Entry[] = []

  const typeNameOf = (node: PairNode): string | undefined => names.nameOf('new', node.after) ?? names.nameOf('old', node.before)
  const subjectOf = (node: PairNode): string => {
    const component = node.after.name ?? node.before.name
    return component === undefined ? node.where : `schema \`${component}\``
  }

  const childrenOf = (node: PairNode, base: string): Child[] => {
    const children: Child[] = []
    const branchConverters = new Map<number, string | undefined>()
    for (const { segment, node: child } of node.edges) {
      const converter = child.dirty ? plan(child, childBase(base, segment)) : undefined
      if (segment.kind === 'branch') branchConverters.set(segment.index, converter)
      else if (converter === undefined) continue
      else if (segment.kind === 'property') children.push({ kind: 'property', name: segment.name, converter })
      else if (segment.kind === 'tuple') children.push({ kind: 'tuple', index: segment.index, converter })
      else children.push({ kind: segment.kind, converter })
    }
    if ([...branchConverters.values()].some((converter) => converter !== undefined)) {
      const union = node.side === 'upgrade' ? node.before : node.after
      const branches = (union.oneOf ?? union.anyOf ?? []).map((branch, index) => {
        const converter = branchConverters.get(index)
        return { test: branchTest(branch, union.discriminator), ...(converter === undefined ? {} : { converter }) }
      })
      children.push({ kind: 'branches', branches })
    }
    return children
  }

  /** Names a dirty node's converter and plans it, and its dirty children, once. */
  const plan = (node: PairNode, contextual: string): string => {
    const known = planned.get(node)
    if (known !== undefined) return known
    const base = typeNameOf(node) ?? contextual
    const name = functionNames.take(camelCase(`${node.side} ${base}`))
    planned.set(node, name)
    const [typeA, typeB] = names.ensurePair(node.before, node.after, base)
    const [input, output] = node.side === 'upgrade' ? [typeA, typeB] : [typeB, typeA]
    const { steps } = node
    plans.push({
      name,
      side: node.side,
      input,
      output,
      subject: subjectOf(node),
      values: steps.values,
      children: childrenOf(node, base),
      objects: [...steps.objects, ...node.defaults],
      ...(steps.manual.length === 0 ? {} : { manual: { name: `${name}ByHand`, input, output, reasons: steps.manual.map((reason) => `${subjectOf(node)}: ${reason}`) } }),
      notes: [
        ...steps.entries.filter((entry) => entry.treatment !== 'none').map((entry) => entry.what),
        ...node.defaults.map((step) => `property \`${'name' in step ? step.name : ''}\`: A's default filled in when absent`),
      ],
    })
    return name
  }

  const account = (node: PairNode): void => {
    const name = planned.get(node)
    const where = subjectOf(node)
    const flow = node.side === 'upgrade' ? 'in requests' : 'in responses'
    for (const entry of node.steps.entries) {
      const by = entry.treatment === 'manual' ? `${name}ByHand` : entry.treatment === 'none' ? undefined : name
      entries.push({ where, what: `${entry.what} (${flow})`, treatment: entry.treatment, ...(by === undefined ? {} : { by }) })
    }
    for (const step of node.defaults) {
      if (step.kind === 'default') {
        entries.push({ where, what: `property \`${step.name}\`: A's default filled in when absent`, treatment: 'code', ...(name === undefined ? {} : { by: name }) })
      }
    }
  }

  return {
    root(before, after, side, base, where) {
      const { node, fresh } = graph.root(before, after, side, where)
      const name = node.dirty ? plan(node, base) : undefined
      for (const each of fresh) account(each)
      return name
    },
    reached: (before, after, side) => graph.has(before, after, side),
    converters: () => [...plans].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    entries: () => entries,
    reserve(list) {
      for (const name of list) functionNames.take(name)
    },
  }
}
