import type { DbChange } from '../../db/change.js'
import type { PlannableChange, PlannableKind } from './plan-context.js'

/** Which changes of each kind need a plan: only what version A knew and the change breaks or locks. */
const needsPlan: { readonly [K in PlannableKind]: (change: PlannableChange<K>) => boolean } = {
  'column-renamed': (c) => c.origin === 'existing',
  'table-renamed': (c) => c.origin === 'existing' && !c.recreated,
  'column-type-changed': (c) => c.origin === 'existing' && (c.rewrite || c.compatibility === 'changed' || c.compatibility === 'unknown'),
  'column-dropped': (c) => c.origin === 'existing',
  'table-dropped': (c) => c.origin === 'existing',
  'column-set-not-null': (c) => c.origin === 'existing' && !c.provenByCheck && c.column?.notNull !== true,
  'constraint-added': (c) =>
    c.tableOrigin === 'existing' &&
    !c.inCreateTable &&
    !c.inline &&
    c.usingIndex === undefined &&
    (c.constraint.type === 'unique' || (!c.notValid && (c.constraint.type === 'check' || c.constraint.type === 'foreign-key'))),
}

/**
 * True when `rollsafe plan` splits this change into phases.
 *
 * @example
 * changes.filter(isPlannable) // the renames, type changes, drops… version A would notice
 */
export function isPlannable(change: DbChange): change is PlannableChange {
  const test = needsPlan[change.kind as PlannableKind] as ((c: DbChange) => boolean) | undefined
  return test?.(change) ?? false
}
