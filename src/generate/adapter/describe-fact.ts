import { formatTypes, formatValue } from '../../api/describe.js'
import type { RelativeChange } from '../../api/relative-change.js'
import type { RelativeOf } from './relative-of.js'

function valueOrNone(value: unknown, present: boolean): string {
  return present ? formatValue(value) : 'none'
}

function changed(what: string, from: unknown, to: unknown): string {
  if (to === undefined) return `${what} ${formatValue(from)} removed`
  if (from === undefined) return `${what} ${formatValue(to)} added`
  return `${what} changed from ${formatValue(from)} to ${formatValue(to)}`
}

const facts: { readonly [K in RelativeChange['kind']]: (change: RelativeOf<K>) => string } = {
  'type-changed': (c) => `type changed from \`${formatTypes(c.beforeTypes)}\` to \`${formatTypes(c.afterTypes)}\``,
  'nullable-changed': (c) => (c.nullable ? 'became nullable' : 'no longer nullable'),
  'format-changed': (c) => changed('format', c.before.format, c.after.format),
  'enum-value-added': (c) => `enum value ${formatValue(c.value)} added`,
  'enum-value-removed': (c) => `enum value ${formatValue(c.value)} removed`,
  'enum-added': () => 'enum added (only listed values allowed now)',
  'enum-removed': () => 'enum removed (any value allowed now)',
  'pattern-changed': (c) => changed('pattern', c.before.pattern, c.after.pattern),
  'bound-changed': (c) => changed(c.keyword, c.from, c.to),
  'unique-items-changed': (c) => `uniqueItems ${c.after.uniqueItems ? 'added' : 'removed'}`,
  'property-added': (c) => `${c.required ? 'required ' : ''}property \`${c.name}\` added`,
  'property-removed': (c) => `${c.required ? 'required ' : ''}property \`${c.name}\` removed`,
  'property-required-changed': (c) => `property \`${c.name}\` became ${c.required ? 'required' : 'optional'}`,
  'additional-properties-changed': (c) => `additionalProperties ${c.effect}`,
  'read-only-changed': (c) => (c.value ? 'became readOnly' : 'no longer readOnly'),
  'write-only-changed': (c) => (c.value ? 'became writeOnly' : 'no longer writeOnly'),
  'deprecated-changed': (c) => (c.value ? 'deprecated' : 'no longer deprecated'),
  'default-changed': (c) =>
    `default changed from ${valueOrNone(c.before.default, c.before.hasDefault)} to ${valueOrNone(c.after.default, c.after.hasDefault)}`,
  'union-branch-added': (c) => `${c.keyword} branch${c.branch.name === undefined ? '' : ` \`${c.branch.name}\``} added`,
  'union-branch-removed': (c) => `${c.keyword} branch${c.branch.name === undefined ? '' : ` \`${c.branch.name}\``} removed`,
  'discriminator-changed': (c) => `discriminator ${c.detail}${c.value === undefined ? '' : ` ${formatValue(c.value)}`}`,
  'schema-uncomparable': (c) => `\`${c.keyword}\` changed in a way rollsafe cannot compare`,
}

/**
 * The fact of a schema change without its site, for ADAPTER.md and JSDoc:
 * `property \`name\` removed`, `enum value \`sold\` added`.
 */
export function describeFact(change: RelativeChange): string {
  return (facts[change.kind] as (change: RelativeChange) => string)(change)
}
