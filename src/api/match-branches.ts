import type { Discriminator, Schema } from './model.js'
import { canonicalJson } from './canonical-json.js'
import { typesDisjoint } from './schema-effects.js'

/** Which branch of A's union became which branch of B's, by index; the rest were removed or added. */
export interface BranchMatching {
  readonly matched: ReadonlyArray<readonly [before: number, after: number]>
  readonly removed: ReadonlyArray<number>
  readonly added: ReadonlyArray<number>
}

/** The discriminator value that selects a branch: from the mapping, else from a one-value enum. */
function discriminatorValue(branch: Schema, discriminator: Discriminator | undefined): string | undefined {
  if (discriminator === undefined) return undefined
  for (const [value, target] of discriminator.mapping) {
    if (target === branch.ref.pointer || (branch.name !== undefined && target.endsWith(`/${branch.name}`))) return value
  }
  const values = branch.properties.get(discriminator.propertyName)?.enum
  return values?.length === 1 ? canonicalJson(values[0]) : undefined
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0
  for (const item of a) if (b.has(item)) common++
  return common / (a.size + b.size - common)
}

/** How alike two unnamed branches look, 0 when they cannot be the same branch. */
export function branchSimilarity(a: Schema, b: Schema): number {
  if (typesDisjoint(a.types, b.types)) return 0
  let score = a.types === undefined || b.types === undefined ? 0.5 : 1
  if (a.properties.size > 0 && b.properties.size > 0) {
    const shared = overlap(new Set(a.properties.keys()), new Set(b.properties.keys()))
    if (shared === 0) return 0
    score += 4 * shared
  }
  if (a.enum !== undefined && b.enum !== undefined) {
    score += overlap(new Set(a.enum.map(canonicalJson)), new Set(b.enum.map(canonicalJson)))
  }
  if (a.format !== undefined && a.format === b.format) score += 0.5
  if (a.items !== undefined && b.items !== undefined && !typesDisjoint(a.items.types, b.items.types)) score += 0.5
  return score
}

interface MatchOptions {
  readonly before?: Discriminator
  readonly after?: Discriminator
  /** Deep equality by meaning, for unnamed branches that did not move. */
  readonly sameShape: (a: Schema, b: Schema) => boolean
}

/**
 * Whether likeness may pair two branches: not when both are named components with different
 * names. Two distinct components are two shapes the document tells apart on purpose (`Dog` gone,
 * `Bird` new), however many properties they share; only a renamed component with the same
 * structure or discriminator value (matched before likeness) is the same branch.
 */
function mayPairByLikeness(a: Schema, b: Schema): boolean {
  return a.name === undefined || b.name === undefined || a.name === b.name
}

/**
 * Matches union branches by meaning, never by position: same component name first, then the
 * same discriminator value, then equal structure (a renamed component), then the most alike
 * remaining pair where at least one of the two is inline (distinct component names never pair).
 *
 * @example
 * matchBranches([cat, dog], [dog, cat, bird], { sameShape })
 * // { matched: [[0, 1], [1, 0]], removed: [], added: [2] }
 */
export function matchBranches(a: ReadonlyArray<Schema>, b: ReadonlyArray<Schema>, options: MatchOptions): BranchMatching {
  const matched: Array<readonly [number, number]> = []
  const freeA = new Set(a.keys())
  const freeB = new Set(b.keys())
  const take = (i: number, j: number): void => {
    matched.push([i, j])
    freeA.delete(i)
    freeB.delete(j)
  }
  const matchBy = (same: (x: Schema, y: Schema) => boolean): void => {
    for (const i of [...freeA]) {
      const j = [...freeB].find((candidate) => same(a[i] as Schema, b[candidate] as Schema))
      if (j !== undefined) take(i, j)
    }
  }
  matchBy((x, y) => x.name !== undefined && x.name === y.name)
  matchBy((x, y) => {
    const value = discriminatorValue(x, options.before)
    return value !== undefined && value === discriminatorValue(y, options.after)
  })
  matchBy(options.sameShape)
  const candidates: Array<readonly [number, number, number]> = []
  for (const i of freeA) {
    for (const j of freeB) {
      if (!mayPairByLikeness(a[i] as Schema, b[j] as Schema)) continue
      const score = branchSimilarity(a[i] as Schema, b[j] as Schema)
      if (score > 0) candidates.push([score, i, j])
    }
  }
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2])
  for (const [, i, j] of candidates) if (freeA.has(i) && freeB.has(j)) take(i, j)
  matched.sort((x, y) => x[1] - y[1])
  return { matched, removed: [...freeA].sort((x, y) => x - y), added: [...freeB].sort((x, y) => x - y) }
}
