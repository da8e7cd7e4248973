import type { ApiChange, SchemaChange } from '../../api/change.js'
import type { Operation, Schema } from '../../api/model.js'
import type { Entry, Side, Treatment } from './adapter-plan.js'
import type { ChangeIndex } from './change-index.js'
import { describeFact } from './describe-fact.js'
import type { Hints } from './extensions.js'
import type { OperationPairing } from './pair-subjects.js'
import type { ConverterPlanner } from './plan-converters.js'
import { analyzePair } from './schema-steps.js'
import type { TypeNames } from './type-names.js'

/** Shared by the planning of every operation. */
export interface PlanContext {
  readonly planner: ConverterPlanner
  readonly index: ChangeIndex
  readonly hints: Hints
  readonly names: TypeNames
}

/** One operation of A with its counterpart in B (same key, or moved) and the changes between them. */
export interface OperationPair {
  /** PascalCase name for functions: `CreatePet`. */
  readonly name: string
  /** `POST /pets/{petId}` as written in A. */
  readonly label: string
  readonly before: Operation
  readonly after: Operation
  readonly changes: ReadonlyArray<ApiChange>
  readonly pairing: OperationPairing
}

/** Collects the account and the reasons a stub is needed while one part of an operation is planned. */
export interface Ledger {
  readonly entries: Entry[]
  readonly manual: string[]
  note(where: string, what: string, treatment: Treatment, by?: string): void
}

export function createLedger(): Ledger {
  const entries: Entry[] = []
  const manual: string[] = []
  return {
    entries,
    manual,
    note(where, what, treatment, by) {
      entries.push({ where, what, treatment, ...(by === undefined ? {} : { by }) })
      if (treatment === 'manual') manual.push(`${where}: ${what}`)
    },
  }
}

/**
 * Schema changes of a body that no converter walk reached (a pair the diff matched differently):
 * each one that needs work in this direction goes to the operation's stub, so nothing passes
 * through unconverted without a person deciding.
 */
export function noteUnplaced(context: PlanContext, changes: ReadonlyArray<SchemaChange>, side: Side, where: (change: SchemaChange) => string, ledger: Ledger, stub: string): void {
  for (const change of changes) {
    if (context.planner.reached(change.before, change.after, side)) continue
    const [outcome] = analyzePair(change.before, change.after, side, [change], context.hints).entries
    if (outcome === undefined || outcome.treatment === 'none') continue
    ledger.note(where(change), `${describeFact(change)} (no converter reaches it)`, 'manual', stub)
  }
}

/** Whether a change is a schema change of this subject kind (`body`, `parameter`, `header`). */
export function isSubjectChange(change: ApiChange, kind: 'body' | 'parameter' | 'header'): change is SchemaChange {
  return 'subject' in change && change.subject.kind === kind
}

/** A parameter or header value as text on the wire: `10`, `true`, `a,b`. */
export function wireText(value: unknown): string {
  if (Array.isArray(value)) return value.map(wireText).join(',')
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * For a parameter's or header's own schema (values are text): a table of old → new texts when the
 * only work is mapping enum values; `undefined` when there is other work (a person's), and the
 * account either way.
 */
export function textValueTable(
  context: PlanContext,
  before: Schema,
  after: Schema,
  side: Side,
  changes: ReadonlyArray<SchemaChange>,
): { readonly table?: ReadonlyArray<readonly [string, string]>; readonly entries: ReadonlyArray<{ what: string; treatment: Treatment }> } {
  const steps = analyzePair(before, after, side, changes, context.hints)
  const nested = changes.some((change) => change.path.length > 0)
  const onlyMaps = steps.objects.length === 0 && steps.manual.length === 0 && steps.values.every((step) => step.kind === 'map-values')
  if (nested || !onlyMaps) {
    return { entries: steps.entries.map((entry) => ({ what: entry.what, treatment: entry.treatment === 'none' ? 'none' : 'manual' })) }
  }
  const table = steps.values.flatMap((step) => (step.kind === 'map-values' ? step.table : [])).map(([a, b]) => [wireText(a), wireText(b)] as const)
  return { table, entries: steps.entries }
}
