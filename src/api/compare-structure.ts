import { matchBranches } from './match-branches.js'
import type { Schema } from './model.js'
import { isHidden, type PairSink } from './relative-change.js'
import { additionalPropertiesEffect, isNullable } from './schema-effects.js'
import { anySchema, branchRef, isUnconstrained, propertyRef } from './schema-refs.js'

type UnionKeyword = 'oneOf' | 'anyOf'

function compareProperties(a: Schema, b: Schema, sink: PairSink): void {
  const names = [...new Set([...a.properties.keys(), ...b.properties.keys()])].sort()
  for (const name of names) {
    const before = a.properties.get(name)
    const after = b.properties.get(name)
    const seenBefore = before !== undefined && !isHidden(before, sink.views.before)
    const seenAfter = after !== undefined && !isHidden(after, sink.views.after)
    const base = { path: [], before: a, after: b, name } as const
    if (before !== undefined && after !== undefined && seenBefore) {
      // Out of sight in B only (became readOnly in a request): the pair reports the flag, not a removal,
      // and whether B requires what it ignores does not matter.
      sink.edge(name, before, after)
      const required = b.required.has(name)
      if (seenAfter && a.required.has(name) !== required) {
        sink.change({ ...base, kind: 'property-required-changed', required, at: propertyRef(b, name, after) })
      }
    } else if (before !== undefined && after !== undefined) {
      // Came into sight in B (no longer readOnly in a request): new to A's clients.
      if (!seenAfter) continue
      const at = propertyRef(b, name, after)
      sink.change({ ...base, kind: 'property-added', required: b.required.has(name), property: after, at, closedBefore: false })
    } else if (before !== undefined && seenBefore) {
      const at = propertyRef(a, name, before)
      sink.change({ ...base, kind: 'property-removed', required: a.required.has(name), property: before, at })
    } else if (after !== undefined && seenAfter) {
      const at = propertyRef(b, name, after)
      const closedBefore = a.additionalProperties === false
      sink.change({ ...base, kind: 'property-added', required: b.required.has(name), property: after, at, closedBefore })
    }
  }
  // Required names declared without a property schema on either side.
  const loose = [...new Set([...a.required, ...b.required])].filter((name) => !a.properties.has(name) && !b.properties.has(name))
  for (const name of loose.sort()) {
    const required = b.required.has(name)
    if (a.required.has(name) === required) continue
    sink.change({ kind: 'property-required-changed', path: [], before: a, after: b, name, required, at: b.ref })
  }
}

function extraOf(value: boolean | Schema): boolean | Schema {
  return typeof value !== 'boolean' && isUnconstrained(value) ? true : value
}

function compareAdditionalProperties(a: Schema, b: Schema, sink: PairSink): void {
  const before = extraOf(a.additionalProperties)
  const after = extraOf(b.additionalProperties)
  if (typeof before !== 'boolean' && typeof after !== 'boolean') return sink.edge('{}', before, after)
  const kind = (extra: boolean | Schema): 'any' | 'some' | 'none' => (extra === true ? 'any' : extra === false ? 'none' : 'some')
  const effect = additionalPropertiesEffect(kind(before), kind(after))
  if (effect !== undefined) {
    sink.change({ kind: 'additional-properties-changed', path: [], before: a, after: b, at: b.ref, effect })
  }
}

function compareItems(a: Schema, b: Schema, sink: PairSink): void {
  if (a.items !== undefined || b.items !== undefined) {
    sink.edge('[]', a.items ?? anySchema(a.ref), b.items ?? anySchema(b.ref))
  }
  const tupleA = a.prefixItems ?? []
  const tupleB = b.prefixItems ?? []
  const shared = Math.min(tupleA.length, tupleB.length)
  for (let i = 0; i < shared; i++) sink.edge(`[${i}]`, tupleA[i] as Schema, tupleB[i] as Schema)
  if (tupleA.length !== tupleB.length) {
    sink.change({ kind: 'schema-uncomparable', path: [], before: a, after: b, at: b.ref, keyword: 'prefixItems' })
  }
}

/** A schema that is nothing but a union (maybe nullable): no type, properties or items of its own. */
function isBareUnion(schema: Schema, keyword: UnionKeyword): boolean {
  return (
    schema[keyword] !== undefined &&
    (schema.types === undefined || (schema.types.size === 1 && schema.types.has('null'))) &&
    schema.properties.size === 0 &&
    schema.items === undefined &&
    schema.enum === undefined
  )
}

function unionKeyword(schema: Schema): UnionKeyword | undefined {
  return schema.oneOf !== undefined ? 'oneOf' : schema.anyOf !== undefined ? 'anyOf' : undefined
}

/** Compares branch lists; a plain schema on one side counts as a union of itself. */
function compareBranches(a: Schema, b: Schema, keyword: UnionKeyword, sink: PairSink, lists: {
  readonly before: ReadonlyArray<Schema>
  readonly after: ReadonlyArray<Schema>
  readonly beforeIsUnion: boolean
  readonly afterIsUnion: boolean
}): void {
  const { before, after } = lists
  const matching = matchBranches(before, after, {
    before: a.discriminator,
    after: b.discriminator,
    sameShape: sink.sameShape,
  })
  const base = { path: [], before: a, after: b, keyword } as const
  for (const i of matching.removed) {
    const branch = before[i] as Schema
    sink.change({ ...base, kind: 'union-branch-removed', branch, at: branchRef(a, keyword, i, branch) })
  }
  for (const [i, j] of matching.matched) {
    const segment = lists.afterIsUnion ? `${keyword}[${j}]` : `${keyword}[${i}]`
    sink.edge(segment, before[i] as Schema, after[j] as Schema)
  }
  for (const j of matching.added) {
    const branch = after[j] as Schema
    sink.change({ ...base, kind: 'union-branch-added', branch, at: branchRef(b, keyword, j, branch) })
  }
}

/**
 * Decides how two schemas' unions compare, before anything else: `wrapped` when one side is a bare
 * union and the other a plain schema that matches one of its branches (then only the branches are
 * compared), `both` when both have the same union keyword, `none` otherwise.
 */
export function compareUnions(a: Schema, b: Schema, sink: PairSink): 'wrapped' | 'both' | 'none' {
  const keywordA = unionKeyword(a)
  const keywordB = unionKeyword(b)
  if (keywordA !== undefined && keywordA === keywordB) {
    const lists = { before: a[keywordA] ?? [], after: b[keywordA] ?? [], beforeIsUnion: true, afterIsUnion: true }
    compareBranches(a, b, keywordA, sink, lists)
    return 'both'
  }
  const wrapped = keywordA === undefined ? keywordB : keywordB === undefined ? keywordA : undefined
  if (wrapped !== undefined) {
    const union = keywordA === undefined ? b : a
    const plain = keywordA === undefined ? a : b
    if (isBareUnion(union, wrapped) && !isUnconstrained(plain)) {
      const lists =
        union === b
          ? { before: [a], after: b[wrapped] ?? [], beforeIsUnion: false, afterIsUnion: true }
          : { before: a[wrapped] ?? [], after: [b], beforeIsUnion: true, afterIsUnion: false }
      const probe = matchBranches(lists.before, lists.after, { sameShape: sink.sameShape })
      if (probe.matched.length > 0) {
        compareBranches(a, b, wrapped, sink, lists)
        // A nullable union (`null` beside the branches) against a plain schema: only nullness compares.
        const nullable = isNullable(b.types)
        if (union.types !== undefined && isNullable(a.types) !== nullable) {
          sink.change({ kind: 'nullable-changed', path: [], before: a, after: b, at: b.ref, nullable })
        }
        return 'wrapped'
      }
    }
  }
  if (keywordA !== keywordB) {
    sink.change({ kind: 'schema-uncomparable', path: [], before: a, after: b, at: b.ref, keyword: keywordA ?? keywordB ?? 'oneOf' })
  }
  return 'none'
}

/** Compares what a schema pair contains: properties, additional properties, items and tuples. */
export function compareStructure(a: Schema, b: Schema, sink: PairSink): void {
  compareProperties(a, b, sink)
  compareAdditionalProperties(a, b, sink)
  compareItems(a, b, sink)
}
