import type { DbChange } from '../../db/change.js'
import type { PlanBuilder, PlannableChange, PlannableKind } from './plan-context.js'
import { addConstraintPlan } from './plans/add-constraint.js'
import { addNotNullPlan } from './plans/add-not-null.js'
import { changeColumnTypePlan } from './plans/change-column-type.js'
import { dropColumnPlan } from './plans/drop-column.js'
import { dropTablePlan } from './plans/drop-table.js'
import { renameColumnPlan } from './plans/rename-column.js'
import { renameTablePlan } from './plans/rename-table.js'

/** One plan builder per change kind that `rollsafe plan` splits. */
export const planBuilders: { readonly [K in PlannableKind]: PlanBuilder<K> } = {
  'column-renamed': renameColumnPlan,
  'table-renamed': renameTablePlan,
  'column-type-changed': changeColumnTypePlan,
  'column-dropped': dropColumnPlan,
  'table-dropped': dropTablePlan,
  'column-set-not-null': addNotNullPlan,
  'constraint-added': addConstraintPlan,
}

/** Which changes of each kind need a plan: only what version A knew and the change breaks or locks. */
const needsPlan: { readonly [K in PlannableKind]: (change: PlannableChange<K>) => boolean } = {
  'column-renamed': (c) => c.origin === 'existing',
  'table-renamed': (c) => c.origin === 'existing' && !c.recreated,
  'column-type-changed': (c) => c.origin === 'existing' && (c.rewrite || c.compatibility === 'changed' || c.compatibility === 'unknown'),
  'column-dropped': (c) => c.origin === 'existing',
  'table-dropped': (c) => c.origin === 'existing',
  'column-set-not-null': (c) => c.origin === 'existing' && !c.provenByCheck,
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

/** The change kinds `rollsafe plan` can split (for `rollsafe db` fix texts). */
export const plannableKinds: ReadonlyArray<PlannableKind> = Object.keys(planBuilders) as PlannableKind[]
