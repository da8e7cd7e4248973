import type { ChangeOf } from '../core/rule.js'
import { formatTypes, formatValue, formatValues } from './describe.js'

/** At most this many enum values are named in a message; the rest are counted. */
const shownValues = 5

/**
 * `limited to \`a\`, \`b\``, `limited to \`a\`, … and 3 more`: the values of the enum B introduced.
 *
 * @example
 * describeEnumLimit(change) // 'limited to `available`, `sold`'
 */
export function describeEnumLimit(change: ChangeOf<'enum-added'>): string {
  const values = change.after.enum ?? []
  const shown = formatValues(values.slice(0, shownValues))
  return values.length > shownValues ? `limited to ${shown} and ${values.length - shownValues} more` : `limited to ${shown}`
}

/**
 * `enum value \`archived\` added`, `extensible enum value \`archived\` removed` (`x-extensible-enum`).
 *
 * @example
 * describeEnumValue(change) // 'enum value `archived` added'
 */
export function describeEnumValue(change: ChangeOf<'enum-value-added' | 'enum-value-removed', 'api'>): string {
  const verb = change.kind === 'enum-value-added' ? 'added' : 'removed'
  return `${change.extensible ? 'extensible enum' : 'enum'} value ${formatValue(change.value)} ${verb}`
}

/**
 * `default \`10\` added`, `default \`10\` removed`, `default changed from \`10\` to \`20\``.
 *
 * @example
 * describeDefaultChange(change) // 'default changed from `asc` to `desc`'
 */
export function describeDefaultChange(change: ChangeOf<'default-changed'>): string {
  const { before, after } = change
  if (!after.hasDefault) return `default ${formatValue(before.default)} removed`
  if (!before.hasDefault) return `default ${formatValue(after.default)} added`
  return `default changed from ${formatValue(before.default)} to ${formatValue(after.default)}`
}

/**
 * `oneOf branch \`Cat\``, `anyOf branch of type \`string\``: a union branch by its component name,
 * else by its types.
 *
 * @example
 * describeBranch(change) // 'oneOf branch `Dog`'
 */
export function describeBranch(change: ChangeOf<'union-branch-added' | 'union-branch-removed'>): string {
  const { branch, keyword } = change
  if (branch.name !== undefined) return `${keyword} branch ${formatValue(branch.name)}`
  if (branch.types !== undefined) return `${keyword} branch of type \`${formatTypes(branch.types)}\``
  return `${keyword} branch`
}
