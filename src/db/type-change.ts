import type { TypeCompatibility } from './change.js'
import type { LockAction } from './lock-facts.js'
import { sameType, type TypeRef } from './type-ref.js'

export interface TypeChangeFacts {
  readonly compatibility: TypeCompatibility
  readonly rewrite: boolean
  readonly action: LockAction
}

const textLike = new Set(['text', 'varchar'])
const precisionTypes = new Set(['timestamp', 'timestamptz', 'time', 'timetz', 'interval'])

/** The new limit is absent or at least the old one (absent old limit only fits an absent new one). */
function limitGrows(from: ReadonlyArray<number>, to: ReadonlyArray<number>): boolean {
  const [a] = from
  const [b] = to
  if (b === undefined) return true
  return a !== undefined && b >= a
}

function numericGrows(from: ReadonlyArray<number>, to: ReadonlyArray<number>): boolean {
  if (to.length === 0) return true
  if (from.length === 0) return false
  const [p1 = 0, s1 = 0] = from
  const [p2 = 0, s2 = 0] = to
  return s1 === s2 && p2 >= p1
}

/**
 * Is every value of `from` kept as it is by `to`, without rewriting the table? The binary-coercible
 * changes PostgreSQL applies in place: varchar widening or limit removal, varchar↔text (9.1),
 * numeric precision increase at the same scale and varbit widening (9.2), cidr→inet, and
 * timestamp/time/interval precision increase.
 */
function widens(from: TypeRef, to: TypeRef): boolean {
  if (from.arrayDims !== to.arrayDims) return false
  if (textLike.has(from.name) && to.name === 'text') return true
  if (from.name === 'text' && to.name === 'varchar') return to.mods.length === 0
  if (from.name === 'varchar' && to.name === 'varchar') return limitGrows(from.mods, to.mods)
  if (from.name === 'varbit' && to.name === 'varbit') return limitGrows(from.mods, to.mods)
  if (from.name === 'numeric' && to.name === 'numeric') return numericGrows(from.mods, to.mods)
  if (from.name === 'cidr' && to.name === 'inet') return true
  if (precisionTypes.has(from.name) && from.name === to.name) return limitGrows(from.mods, to.mods)
  return false
}

/**
 * Classifies `ALTER COLUMN … TYPE`: what it does to version A's values and whether it rewrites.
 * `plainUsing` is true when there is no USING clause or it only reads (and casts) the column.
 * int → bigint and real → double precision are `widened` for version A (its values fit) but rewrite.
 *
 * @example
 * typeChangeFacts(makeTypeRef('varchar', [32]), makeTypeRef('text'), true)
 * // { compatibility: 'widened', rewrite: false, action: 'type-change-binary' }
 */
/** Integer and float widenings: every old value fits, but the stored width changes, so the table is rewritten. */
const numericWidth: Readonly<Record<string, number>> = { int2: 1, int4: 2, int8: 3, float4: 1, float8: 2 }

function widensWithRewrite(from: TypeRef, to: TypeRef): boolean {
  if (from.arrayDims !== to.arrayDims) return false
  const a = numericWidth[from.name]
  const b = numericWidth[to.name]
  const sameFamily = from.name.startsWith('int') === to.name.startsWith('int')
  return a !== undefined && b !== undefined && sameFamily && b > a
}

export function typeChangeFacts(from: TypeRef | undefined, to: TypeRef, plainUsing: boolean): TypeChangeFacts {
  if (from === undefined) return { compatibility: 'unknown', rewrite: true, action: 'type-change-rewrite' }
  if (plainUsing && sameType(from, to)) return { compatibility: 'same', rewrite: false, action: 'type-change-binary' }
  if (plainUsing && widens(from, to)) return { compatibility: 'widened', rewrite: false, action: 'type-change-binary' }
  if (plainUsing && widensWithRewrite(from, to)) return { compatibility: 'widened', rewrite: true, action: 'type-change-rewrite' }
  const zones = new Set([from.name, to.name])
  if (plainUsing && zones.has('timestamp') && zones.has('timestamptz') && from.arrayDims === to.arrayDims) {
    // PG12+: no rewrite when the session TimeZone is UTC (lock-facts note).
    return { compatibility: 'changed', rewrite: true, action: 'type-change-timestamptz' }
  }
  return { compatibility: 'changed', rewrite: true, action: 'type-change-rewrite' }
}
