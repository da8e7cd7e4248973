import type { PlanBuilder, PlannableKind } from './plan-context.js'
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
