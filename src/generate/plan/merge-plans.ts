import { inputError } from '../../core/errors.js'
import { blocks, comment } from './phase-sql.js'
import { appStates, phaseKinds, stateIndex, type AppState, type PhaseKind, type Plan, type PlanPhase } from './plan.js'
import type { CarriedStatement } from './split-migration.js'

/** One item of a merged phase: a plan's phase, or a statement of the migration run as written. */
export type PhaseItem =
  | { readonly plan: Plan; readonly phase: PlanPhase }
  | { readonly carried: CarriedStatement }

/** A phase of the rollout: every plan's phase of one kind, in statement order. */
export interface MergedPhase {
  readonly kind: PhaseKind
  /** 1-based position. */
  readonly number: number
  /** `01-expand.sql` */
  readonly file: string
  /** `01-expand.rollback.sql`, undefined for an irreversible phase. */
  readonly rollbackFile?: string
  /** What is deployed while it runs. */
  readonly state: AppState
  readonly items: ReadonlyArray<PhaseItem>
  /** The statements (no header). */
  readonly sql: string
  readonly rollback?: string
}

export function isCarried(item: PhaseItem): item is { readonly carried: CarriedStatement } {
  return 'carried' in item
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0')
}

function itemTitle(item: PhaseItem): string {
  if (isCarried(item)) return `${item.carried.at.file}:${item.carried.at.line ?? '?'}: runs as written`
  return `${item.plan.title.replaceAll('`', '')} (${item.plan.at.file}:${item.plan.at.line ?? '?'})`
}

function itemSql(item: PhaseItem): string {
  return isCarried(item) ? item.carried.sql : item.phase.sql
}

function itemRollback(item: PhaseItem): string | undefined {
  if (!isCarried(item)) return item.phase.rollback
  const undo = item.carried.undo
  return undo ?? comment(`Not undone: rollsafe cannot undo this statement of the migration:\n${item.carried.sql}`)
}

/**
 * The rollout state a phase runs in. States only move forward (A, then A and B, then B); B is
 * deployed as early as every item allows (shipping B is the point), A retired only when an item
 * requires it (until then A can come back).
 */
function stateOf(kind: PhaseKind, items: ReadonlyArray<PhaseItem>, previous: AppState): AppState {
  let from = stateIndex(previous)
  let until = appStates.length - 1
  for (const item of items) {
    // A removal the migration makes runs once A is gone.
    if (isCarried(item)) {
      if (item.carried.phase === 'contract') from = Math.max(from, stateIndex('B'))
      continue
    }
    from = Math.max(from, stateIndex(item.phase.from))
    until = Math.min(until, stateIndex(item.phase.until))
  }
  from = Math.max(from, Math.min(until, stateIndex('A+B')))
  if (from > until) {
    const planned = items.filter((i): i is Exclude<PhaseItem, { carried: CarriedStatement }> => !isCarried(i))
    const titles = planned.map(itemTitle).join('; ')
    throw inputError(
      planned[0]?.plan.at.file ?? 'migration',
      `these changes cannot share one rollout (their ${kind} phases need different application versions deployed): ${titles}; split the migration`,
    )
  }
  return appStates[from] ?? 'B'
}

/**
 * Orders the phases of every plan of a migration into one rollout: all expand phases (with the
 * migration's other statements, as written, in their place) first, then backfills, validations
 * and contracts. A phase's rollback undoes its items in reverse order.
 *
 * @example
 * mergePlans([{ index: 3, plan }], carried).map((p) => p.file) // ['01-expand.sql', '02-backfill.sql', …]
 */
export function mergePlans(plans: ReadonlyArray<{ readonly index: number; readonly plan: Plan }>, carried: ReadonlyArray<CarriedStatement>): ReadonlyArray<MergedPhase> {
  const merged: MergedPhase[] = []
  let previous: AppState = 'A'
  for (const kind of phaseKinds) {
    const planned = plans.flatMap(({ index, plan }) => plan.phases.filter((p) => p.kind === kind).map((phase) => ({ index, item: { plan, phase } as PhaseItem })))
    const own = carried.filter((c) => c.phase === kind).map((c) => ({ index: c.index, item: { carried: c } as PhaseItem }))
    // A statement's carried parts come before its planned change (a DEFAULT before SET NOT NULL).
    const items = [...own, ...planned].sort((x, y) => x.index - y.index || Number(isCarried(y.item)) - Number(isCarried(x.item))).map((x) => x.item)
    if (items.length === 0 || items.every((i) => itemSql(i).trim() === '')) continue
    const state = stateOf(kind, items, previous)
    previous = state
    const number = merged.length + 1
    const reversible = items.every((i) => (isCarried(i) ? i.carried.phase === 'expand' : i.phase.rollback !== undefined))
    const withTitles = (text: (item: PhaseItem) => string | undefined, list: ReadonlyArray<PhaseItem>): string =>
      list
        .map((item) => {
          const body = text(item)?.trim()
          return `${comment(itemTitle(item))}\n${body === undefined || body === '' ? comment('(nothing to do)') : body}`
        })
        .join('\n\n')
    merged.push({
      kind,
      number,
      file: `${twoDigits(number)}-${kind}.sql`,
      ...(reversible ? { rollbackFile: `${twoDigits(number)}-${kind}.rollback.sql` } : {}),
      state,
      items,
      sql: withTitles(itemSql, items.filter((i) => itemSql(i).trim() !== '')),
      ...(reversible ? { rollback: blocks(withTitles(itemRollback, [...items].reverse())) } : {}),
    })
  }
  return merged
}
