import type { Effect } from '../../api/change.js'
import { formatValue } from '../../api/describe.js'
import type { JsonType, Schema } from '../../api/model.js'
import type { RelativeChange } from '../../api/relative-change.js'
import type { RelativeOf } from './relative-of.js'
import { canonicalJson } from '../../api/canonical-json.js'
import type { ObjectStep, Side, Treatment, ValueStep } from './adapter-plan.js'
import { describeFact } from './describe-fact.js'
import { detectRenames, type Rename } from './detect-renames.js'
import type { Hints } from './extensions.js'

/** What one schema pair's converter does in one direction, and the account of each change. */
export interface PairSteps {
  readonly values: ReadonlyArray<ValueStep>
  readonly objects: ReadonlyArray<ObjectStep>
  readonly renames: ReadonlyArray<Rename>
  /** Reasons a person has to write part of the converter. */
  readonly manual: ReadonlyArray<string>
  readonly entries: ReadonlyArray<{ readonly what: string; readonly treatment: Treatment }>
}

type Outcome = { readonly treatment: Treatment; readonly step?: ValueStep | ObjectStep; readonly note?: string }

interface Context {
  readonly side: Side
  readonly before: Schema
  readonly after: Schema
  /** Enum values: old → new (upgrade) or new → old (downgrade), canonical JSON keys. */
  readonly enumTable: ReadonlyMap<string, unknown>
  readonly hints: Hints
}

const none: Outcome = { treatment: 'none' }
const manual: Outcome = { treatment: 'manual' }

/** `none` in the direction where the change only widens what the reader accepts, else manual. */
function byEffect(effect: Effect, side: Side): Outcome {
  const harmless = side === 'upgrade' ? effect === 'widened' : effect === 'narrowed'
  return harmless ? none : manual
}

function valueTypes(types: ReadonlySet<JsonType> | undefined): JsonType[] | undefined {
  return types === undefined ? undefined : [...types].filter((type) => type !== 'null')
}

/** A converter for a type change the data allows: to text, or a number to an integer (lossy). */
function coercion(from: ReadonlySet<JsonType> | undefined, to: ReadonlySet<JsonType> | undefined): Outcome {
  const source = valueTypes(from)
  const target = valueTypes(to)
  if (source === undefined || target === undefined || target.length !== 1) return manual
  const scalar = source.every((type) => type === 'string' || type === 'number' || type === 'integer' || type === 'boolean')
  if (target[0] === 'string' && scalar) return { treatment: 'code', step: { kind: 'coerce', to: 'string' }, note: 'written as text' }
  if (target[0] === 'integer' && source.every((type) => type === 'number' || type === 'integer')) {
    return { treatment: 'lossy', step: { kind: 'coerce', to: 'integer' }, note: 'rounded to an integer' }
  }
  return manual
}

/** A value to fill a missing property with: the hint, the schema's default, or null when allowed. */
function fillFor(target: Schema | undefined, name: string, hinted?: Outcome): Outcome {
  if (hinted !== undefined) return hinted
  if (target?.hasDefault) {
    return { treatment: 'code', step: { kind: 'default', name, value: target.default }, note: `filled with its default ${formatValue(target.default)} when absent` }
  }
  if (target?.types?.has('null')) return { treatment: 'code', step: { kind: 'default', name, value: null }, note: 'filled with `null` when absent' }
  return manual
}

function restoreHint(context: Context, name: string): Outcome | undefined {
  const hint = context.hints.restore(context.after, name)
  if (hint === undefined) return undefined
  if ('from' in hint) return { treatment: 'code', step: { kind: 'copy', from: hint.from, to: name }, note: `copied from \`${hint.from}\` (x-rollsafe-restore)` }
  return { treatment: 'code', step: { kind: 'default', name, value: hint.value }, note: `filled with ${formatValue(hint.value)} (x-rollsafe-restore)` }
}

function mapped(context: Context, value: unknown): Outcome {
  const key = canonicalJson(value)
  if (!context.enumTable.has(key)) return manual
  const target = context.enumTable.get(key)
  return { treatment: 'code', step: { kind: 'map-values', table: [[value, target]] }, note: `${formatValue(value)} → ${formatValue(target)}` }
}

type Handler<K extends RelativeChange['kind']> = (change: RelativeOf<K>, context: Context) => Outcome

const handlers: { readonly [K in RelativeChange['kind']]: Handler<K> } = {
  'type-changed': (c, x) =>
    byEffect(c.effect, x.side) === none ? none : x.side === 'upgrade' ? coercion(c.beforeTypes, c.afterTypes) : coercion(c.afterTypes, c.beforeTypes),
  'nullable-changed': (c, x) => {
    const target = x.side === 'upgrade' ? x.after : x.before
    const harmful = x.side === 'upgrade' ? !c.nullable : c.nullable
    if (!harmful) return none
    if (!target.hasDefault || target.default === null) return manual
    return { treatment: 'code', step: { kind: 'replace-null', value: target.default }, note: `null replaced by ${formatValue(target.default)}` }
  },
  'format-changed': (c, x) => byEffect(c.effect, x.side),
  'pattern-changed': (c, x) => byEffect(c.effect, x.side),
  'bound-changed': (c, x) => byEffect(c.effect, x.side),
  'unique-items-changed': (c, x) => byEffect(c.effect, x.side),
  'additional-properties-changed': (c, x) => byEffect(c.effect, x.side),
  'enum-value-added': (c, x) => (x.side === 'upgrade' ? none : mapped(x, c.value)),
  'enum-value-removed': (c, x) => (x.side === 'upgrade' ? mapped(x, c.value) : none),
  'enum-added': (_, x) => (x.side === 'upgrade' ? manual : none),
  'enum-removed': (_, x) => (x.side === 'upgrade' ? none : manual),
  'property-added': (c, x) => {
    if (x.side === 'downgrade') {
      return x.before.additionalProperties === false ? { treatment: 'code', step: { kind: 'delete', name: c.name }, note: 'left out (A allows no other properties)' } : none
    }
    return c.required ? fillFor(c.property, c.name) : none
  },
  'property-removed': (c, x) => {
    if (x.side === 'upgrade') return { treatment: 'lossy', step: { kind: 'delete', name: c.name }, note: "dropped from older clients' requests" }
    const hinted = restoreHint(x, c.name)
    if (c.required) return fillFor(c.property, c.name, hinted)
    return hinted ?? { treatment: 'none', note: "optional in A, so its clients cope without it; x-rollsafe-restore gives it back" }
  },
  'property-required-changed': (c, x) => {
    if (x.side === 'upgrade') return c.required ? fillFor(x.after.properties.get(c.name), c.name) : none
    return c.required ? none : fillFor(x.before.properties.get(c.name), c.name, restoreHint(x, c.name))
  },
  'read-only-changed': () => none,
  'write-only-changed': () => none,
  'deprecated-changed': () => none,
  // Filled in by the converter of the object holding the property (it sees the absence).
  'default-changed': () => none,
  'union-branch-added': (_, x) => (x.side === 'upgrade' ? none : manual),
  'union-branch-removed': (_, x) => (x.side === 'upgrade' ? manual : none),
  'discriminator-changed': (c, x) => {
    if (c.detail === 'mapping-added') return x.side === 'upgrade' ? none : manual
    if (c.detail === 'mapping-removed') return x.side === 'upgrade' ? manual : none
    return manual
  },
  'schema-uncomparable': () => manual,
}

/** Old → new enum values (upgrade) or new → old (downgrade): hinted, or one value renamed in place. */
function enumTable(before: Schema, after: Schema, changes: ReadonlyArray<RelativeChange>, side: Side, hints: Hints): Map<string, unknown> {
  const forward = new Map(hints.enumMap(before, after))
  const removed = changes.filter((c) => c.kind === 'enum-value-removed').map((c) => (c as { value: unknown }).value)
  const added = changes.filter((c) => c.kind === 'enum-value-added').map((c) => (c as { value: unknown }).value)
  if (forward.size === 0 && removed.length === 1 && added.length === 1) {
    const position = (values: ReadonlyArray<unknown> | undefined, value: unknown): number =>
      (values ?? []).findIndex((item) => canonicalJson(item) === canonicalJson(value))
    if (position(before.enum, removed[0]) === position(after.enum, added[0])) forward.set(canonicalJson(removed[0]), added[0])
  }
  if (side === 'upgrade') return forward
  const backward = new Map<string, unknown>()
  for (const [key, target] of forward) {
    if (!backward.has(canonicalJson(target))) backward.set(canonicalJson(target), JSON.parse(key) as unknown)
  }
  return backward
}

/**
 * The steps of one schema pair's converter in one direction, from the changes the diff found at
 * that pair (in that direction's view), with the account of each change.
 *
 * @example
 * analyzePair(oldPet, newPet, 'upgrade', changes, hints).objects // [{ kind: 'rename', from: 'name', to: 'title' }]
 */
export function analyzePair(
  before: Schema,
  after: Schema,
  side: Side,
  changes: ReadonlyArray<RelativeChange>,
  hints: Hints,
): PairSteps {
  const renames = detectRenames(before, after, changes, hints)
  const renamed = new Set([...renames.map((r) => `-${r.before}`), ...renames.map((r) => `+${r.after}`)])
  const context: Context = { side, before, after, enumTable: enumTable(before, after, changes, side, hints), hints }
  const values: ValueStep[] = []
  const objects: ObjectStep[] = []
  const manualReasons: string[] = []
  const entries: Array<{ what: string; treatment: Treatment }> = []
  for (const rename of renames) {
    const [from, to] = side === 'upgrade' ? [rename.before, rename.after] : [rename.after, rename.before]
    objects.push({ kind: 'rename', from, to })
    entries.push({ what: `property \`${rename.before}\` renamed to \`${rename.after}\` (${rename.how})`, treatment: 'code' })
  }
  for (const change of changes) {
    if (change.kind === 'property-removed' && renamed.has(`-${change.name}`)) continue
    if (change.kind === 'property-added' && renamed.has(`+${change.name}`)) continue
    const outcome = (handlers[change.kind] as (c: RelativeChange, x: Context) => Outcome)(change, context)
    const what = describeFact(change) + (outcome.note === undefined ? '' : `: ${outcome.note}`)
    entries.push({ what, treatment: outcome.treatment })
    if (outcome.treatment === 'manual') manualReasons.push(describeFact(change))
    const step = outcome.step
    if (step === undefined) continue
    if (step.kind === 'map-values' || step.kind === 'coerce' || step.kind === 'replace-null') values.push(step)
    else objects.push(step)
  }
  return { values: mergeMaps(values), objects, renames, manual: manualReasons, entries }
}

/** One `map-values` step with every pair, so a value is mapped once. */
function mergeMaps(values: ReadonlyArray<ValueStep>): ValueStep[] {
  const table = values.flatMap((step) => (step.kind === 'map-values' ? step.table : []))
  const rest = values.filter((step) => step.kind !== 'map-values')
  return table.length === 0 ? rest : [{ kind: 'map-values', table }, ...rest]
}
