import type { RelativeChange } from './relative-change.js'

/**
 * Whether a change, read as request data (A's values against B's schema), makes B reject some
 * value A accepted: a value or branch gone, a bound or type narrowed, a new requirement, a
 * property dropped from a closed object.
 *
 * @example
 * isNarrowing({ kind: 'enum-value-removed', … }) // true
 * isNarrowing({ kind: 'bound-changed', effect: 'widened', … }) // false
 */
export function isNarrowing(change: RelativeChange): boolean {
  switch (change.kind) {
    case 'enum-value-removed':
    case 'enum-added':
    case 'union-branch-removed':
      return true
    case 'nullable-changed':
      return !change.nullable
    case 'property-added':
    case 'property-required-changed':
      return change.required
    case 'property-removed':
      return change.after.additionalProperties === false
    default:
      return 'effect' in change && change.effect !== 'widened'
  }
}

/**
 * `isNarrowing`, and the changes whose effect on the accepted values is unknown (a keyword that
 * cannot be compared, a discriminator that routes differently) or that stop B from taking a value
 * in (a property that became readOnly): what must be absent before B is said to accept every
 * value A did.
 */
export function mayRejectValues(change: RelativeChange): boolean {
  switch (change.kind) {
    case 'schema-uncomparable':
    case 'discriminator-changed':
      return true
    case 'read-only-changed':
      return change.value
    default:
      return isNarrowing(change)
  }
}
