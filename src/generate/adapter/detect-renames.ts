import type { RelativeChange } from '../../api/relative-change.js'
import type { Schema } from '../../api/model.js'
import { canonicalJson } from '../../api/canonical-json.js'
import type { Hints } from './extensions.js'

/** A property of A that B has under another name. */
export interface Rename {
  readonly before: string
  readonly after: string
  /** `declared` by `x-rollsafe-renamed-from`, or `detected` (same type, same position). */
  readonly how: 'declared' | 'detected'
}

/** What must be equal for two properties to count as one renamed: type and every constraint. */
function typeKey(schema: Schema): string {
  if (schema.name !== undefined) return `#${schema.name}`
  const types = schema.types === undefined ? '*' : [...schema.types].sort().join(',')
  const values = schema.enum === undefined ? '' : canonicalJson([...schema.enum].map(canonicalJson).sort())
  return [types, schema.format ?? '', schema.pattern ?? '', canonicalJson(schema.bounds), values, schema.items?.name ?? ''].join('|')
}

/**
 * Pairs the properties a schema pair lost and gained into renames: declared ones first
 * (`x-rollsafe-renamed-from` in B), then a lost and a gained property at the same position in
 * their objects with the same type and constraints (a reordering plus a rename must be declared:
 * a wrong guess would move data into the wrong field, a missed one only leaves a stub).
 *
 * @example
 * detectRenames(oldPet, newPet, changes, hints) // [{ before: 'name', after: 'title', how: 'detected' }]
 */
export function detectRenames(
  before: Schema,
  after: Schema,
  changes: ReadonlyArray<RelativeChange>,
  hints: Hints,
): ReadonlyArray<Rename> {
  const removed = new Set<string>()
  const added = new Set<string>()
  for (const change of changes) {
    if (change.kind === 'property-removed') removed.add(change.name)
    if (change.kind === 'property-added') added.add(change.name)
  }
  const out: Rename[] = []
  for (const name of [...added].sort()) {
    const from = hints.propertyRenamedFrom(after, name)
    if (from === undefined || !removed.has(from)) continue
    out.push({ before: from, after: name, how: 'declared' })
    removed.delete(from)
    added.delete(name)
  }
  const positionsA = [...before.properties.keys()]
  const positionsB = [...after.properties.keys()]
  for (const a of [...removed].sort()) {
    const propertyA = before.properties.get(a) as Schema
    const candidates = [...added].filter((b) => typeKey(after.properties.get(b) as Schema) === typeKey(propertyA))
    const b = candidates.find((name) => positionsB.indexOf(name) === positionsA.indexOf(a))
    if (b === undefined) continue
    out.push({ before: a, after: b, how: 'detected' })
    removed.delete(a)
    added.delete(b)
  }
  return out.sort((x, y) => (x.before < y.before ? -1 : x.before > y.before ? 1 : 0))
}
