import type { Schema } from './model.js'
import type { RelativeChange } from './relative-change.js'
import { canonicalJson } from './canonical-json.js'
import { mayRejectValues } from './narrowing.js'

/** The union branch a request-side walk is inside: B's union, B's branch, and A's branch it pairs. */
export interface BranchCover {
  /** B's schema holding the union. */
  readonly union: Schema
  readonly keyword: 'oneOf' | 'anyOf'
  /** The index of the branch in B's list. */
  readonly branch: number
  /** A's branch paired with it. */
  readonly original: Schema
}

/** Compares two schemas as the walk does; `undefined` when the answer is not available yet (a cycle). */
export type DiffPair = (before: Schema, after: Schema) => ReadonlyArray<RelativeChange> | undefined

/** The schema at a property path made of names, `[]` and `{}`; `undefined` when it leads elsewhere. */
function schemaAt(schema: Schema, path: ReadonlyArray<string>): Schema | undefined {
  let at: Schema | undefined = schema
  for (const segment of path) {
    if (at === undefined) return undefined
    if (segment === '[]') at = at.items
    else if (segment === '{}') at = typeof at.additionalProperties === 'boolean' ? undefined : at.additionalProperties
    else if (segment.startsWith('[') || segment.includes('Of[')) return undefined
    else at = at.properties.get(segment)
  }
  return at
}

function samePath(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i])
}

/**
 * Whether one of B's other branches takes in every value of A's branch that carries `value` at
 * `path` (relative to the branch), so that an enum value the paired branch of B dropped there is still accepted (a value
 * moved from a shared branch into a branch of its own: Adyen's `alma` leaving `PaymentDetails.type`
 * for a new `AlmaDetails`). A candidate must declare the property and allow the value there; then it
 * must take in every value of A's branch but for the other values at that property: comparing A's
 * branch with it as request data may show nothing that rejects values except those values removed.
 * For `oneOf` exactly one branch may take the value in (two would make it match twice), for `anyOf`
 * at least one.
 *
 * @example
 * // A: oneOf [Card, PaymentDetails{type: [alipay, alma]}]; B: oneOf [Card, PaymentDetails{type: [alipay]}, AlmaDetails{type: [alma]}]
 * acceptedByOtherBranch(cover, ['type'], 'alma', diff) // true: AlmaDetails takes `{type: alma}` in
 */
export function acceptedByOtherBranch(cover: BranchCover, path: ReadonlyArray<string>, value: unknown, diff: DiffPair): boolean {
  const branches = cover.union[cover.keyword] ?? []
  const key = canonicalJson(value)
  const onlyOthersGone = (change: RelativeChange): boolean =>
    change.kind === 'enum-value-removed' && samePath(change.path, path) && canonicalJson(change.value) !== key
  let accepting = 0
  for (const [k, candidate] of branches.entries()) {
    if (k === cover.branch) continue
    const target = schemaAt(candidate, path)
    if (target === undefined) continue
    if (target.enum !== undefined && !target.enum.some((allowed) => canonicalJson(allowed) === key)) continue
    const changes = diff(cover.original, candidate)
    if (changes === undefined) return false
    if (changes.every((change) => !mayRejectValues(change) || onlyOthersGone(change))) accepting++
  }
  return cover.keyword === 'anyOf' ? accepting > 0 : accepting === 1
}
