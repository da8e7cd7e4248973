import type { Effect } from './change.js'
import type { BoundKeyword, JsonType } from './model.js'

/**
 * What B's value set is against A's, from two inclusion facts: `undefined` when the sets are equal.
 *
 * @example
 * effectOf(true, false) // 'narrowed': every B value is an A value, not the reverse
 */
export function effectOf(bInsideA: boolean, aInsideB: boolean): Effect | undefined {
  if (bInsideA && aInsideB) return undefined
  if (bInsideA) return 'narrowed'
  if (aInsideB) return 'widened'
  return 'changed'
}

/** Non-null types with `integer` dropped where `number` already holds it; `undefined` = any. */
function valueTypes(types: ReadonlySet<JsonType> | undefined): ReadonlySet<JsonType> | undefined {
  if (types === undefined) return undefined
  const out = new Set(types)
  out.delete('null')
  if (out.has('number')) out.delete('integer')
  return out
}

function typesInside(inner: ReadonlySet<JsonType> | undefined, outer: ReadonlySet<JsonType> | undefined): boolean {
  if (outer === undefined) return true
  if (inner === undefined) return false
  for (const type of inner) {
    if (outer.has(type)) continue
    if (type === 'integer' && outer.has('number')) continue
    return false
  }
  return true
}

/**
 * The effect of a change of the non-null type set (`integer` ⊂ `number`; `undefined` = any type).
 *
 * @example
 * typesEffect(new Set(['integer']), new Set(['number'])) // 'widened'
 */
export function typesEffect(
  before: ReadonlySet<JsonType> | undefined,
  after: ReadonlySet<JsonType> | undefined,
): Effect | undefined {
  const a = valueTypes(before)
  const b = valueTypes(after)
  return effectOf(typesInside(b, a), typesInside(a, b))
}

/** Whether the non-null types of two schemas share no value (so their other keywords are moot). */
export function typesDisjoint(before: ReadonlySet<JsonType> | undefined, after: ReadonlySet<JsonType> | undefined): boolean {
  const a = valueTypes(before)
  const b = valueTypes(after)
  if (a === undefined || b === undefined || a.size === 0 || b.size === 0) return false
  for (const type of a) {
    if (b.has(type) || (type === 'integer' && b.has('number')) || (type === 'number' && b.has('integer'))) return false
  }
  return true
}

/** Whether `null` is a value the schema allows (no type constraint allows it too). */
export function isNullable(types: ReadonlySet<JsonType> | undefined): boolean {
  return types === undefined || types.has('null')
}

/** Formats whose values include every value of another: B's `int64` holds A's `int32`. */
const formatWidenings: ReadonlyMap<string, ReadonlyArray<string>> = new Map([
  ['int64', ['int32']],
  ['double', ['float']],
  ['number', ['float', 'double', 'int32', 'int64']],
])

/**
 * The effect of a `format` change; an absent format allows any value.
 *
 * @example
 * formatEffect('int32', 'int64') // 'widened'
 * formatEffect(undefined, 'uuid') // 'narrowed'
 */
export function formatEffect(before: string | undefined, after: string | undefined): Effect | undefined {
  if (before === after) return undefined
  if (after === undefined) return 'widened'
  if (before === undefined) return 'narrowed'
  if (formatWidenings.get(after)?.includes(before) === true) return 'widened'
  if (formatWidenings.get(before)?.includes(after) === true) return 'narrowed'
  return 'changed'
}

/** Keywords that cap a value from above; the others bound it from below, `multipleOf` aside. */
const upperBounds: ReadonlySet<BoundKeyword> = new Set(['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'])

/** Lower bounds whose absence means 0, so that setting them to 0 changes nothing. */
const zeroByDefault: ReadonlySet<BoundKeyword> = new Set(['minLength', 'minItems', 'minProperties'])

function isMultiple(value: number, of: number): boolean {
  const ratio = value / of
  return Math.abs(ratio - Math.round(ratio)) < 1e-9
}

/**
 * The effect of a numeric keyword going from `before` to `after` (`undefined` = absent).
 * `multipleOf`: B's multiples lie inside A's when B's step is a multiple of A's step (2 → 4 narrows).
 *
 * @example
 * boundEffect('maxLength', 20, 10) // 'narrowed'
 * boundEffect('minimum', 0, undefined) // 'widened'
 * boundEffect('multipleOf', 2, 4) // 'narrowed'
 */
export function boundEffect(keyword: BoundKeyword, before: number | undefined, after: number | undefined): Effect | undefined {
  const from = before ?? (zeroByDefault.has(keyword) ? 0 : undefined)
  const to = after ?? (zeroByDefault.has(keyword) ? 0 : undefined)
  if (from === to) return undefined
  if (to === undefined) return 'widened'
  if (from === undefined) return 'narrowed'
  if (keyword === 'multipleOf') return effectOf(isMultiple(to, from), isMultiple(from, to))
  const raised = to > from
  return upperBounds.has(keyword) === raised ? 'widened' : 'narrowed'
}

/**
 * The effect of a flag that restricts values when set (`uniqueItems`).
 *
 * @example
 * restrictingFlagEffect(false, true) // 'narrowed'
 */
export function restrictingFlagEffect(before: boolean, after: boolean): Effect | undefined {
  if (before === after) return undefined
  return after ? 'narrowed' : 'widened'
}

/** `true` allows any extra property, `false` none, a schema some: the order of value sets. */
type Extra = 'any' | 'some' | 'none'

/**
 * The effect of an `additionalProperties` change where at most one side is a schema (two schemas
 * are compared keyword by keyword instead).
 *
 * @example
 * additionalPropertiesEffect(true, false) // 'narrowed'
 */
export function additionalPropertiesEffect(before: Extra | boolean, after: Extra | boolean): Effect | undefined {
  const rank = (extra: Extra | boolean): number => (extra === true || extra === 'any' ? 2 : extra === 'some' ? 1 : 0)
  const from = rank(before)
  const to = rank(after)
  if (from === to) return undefined
  return to < from ? 'narrowed' : 'widened'
}
