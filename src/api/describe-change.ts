import type { ChangeOf as Of } from '../core/rule.js'
import type { SchemaChange } from './change.js'
import { describeSite, formatTypes, formatValue, messageFor } from './describe.js'

/**
 * Where a property-level change sits, naming the property itself (the change's path ends at the
 * object that holds it): `response 200 property \`owner.name\``.
 */
export function describePropertySite(change: Of<'property-added' | 'property-removed' | 'property-required-changed'>): string {
  return describeSite({ ...change, path: [...change.path, change.name] })
}

/** `type changed from \`integer\` to \`integer or string\`` (`widened` when B only adds types). */
export function describeTypeChange(change: Of<'type-changed'>): string {
  const verb = change.effect === 'widened' ? 'widened' : change.effect === 'narrowed' ? 'narrowed' : 'changed'
  return `type ${verb} from \`${formatTypes(change.beforeTypes)}\` to \`${formatTypes(change.afterTypes)}\``
}

/** `format \`uuid\` removed`, `format \`date\` added`, `format changed from \`date\` to \`date-time\``. */
export function describeFormatChange(change: Of<'format-changed'>): string {
  const { format: from } = change.before
  const { format: to } = change.after
  if (to === undefined) return `format ${formatValue(from)} removed`
  if (from === undefined) return `format ${formatValue(to)} added`
  return `format changed from ${formatValue(from)} to ${formatValue(to)}`
}

/** `pattern \`^[a-z]+$\` removed`, `pattern \`^\d+$\` added`, `pattern changed from \`a\` to \`b\``. */
export function describePatternChange(change: Of<'pattern-changed'>): string {
  const { pattern: from } = change.before
  const { pattern: to } = change.after
  if (to === undefined) return `pattern ${formatValue(from)} removed`
  if (from === undefined) return `pattern ${formatValue(to)} added`
  return `pattern changed from ${formatValue(from)} to ${formatValue(to)}`
}

/** `maxLength increased from \`10\` to \`20\``, `minimum \`0\` removed`, `maxItems \`5\` added`. */
export function describeBoundChange(change: Of<'bound-changed'>): string {
  const { keyword, from, to } = change
  if (to === undefined) return `${keyword} ${formatValue(from)} removed`
  if (from === undefined) return `${keyword} ${formatValue(to)} added`
  const verb = keyword === 'multipleOf' ? 'changed' : to > from ? 'increased' : 'decreased'
  return `${keyword} ${verb} from ${formatValue(from)} to ${formatValue(to)}`
}

/** `GET /pets: response 200 property \`age\` <fact>`: the usual message of a schema change. */
export function schemaMessage(change: SchemaChange, fact: string): string {
  return messageFor(change, `${describeSite(change)} ${fact}`)
}
