import type { SourceRef } from '../../core/source-ref.js'

/**
 * An expand/contract plan for one incompatible schema change: phases of SQL that each keep
 * versions A and B of the application working, with rollbacks, gates and probes. Plans are plain
 * data: `mergePlans` orders the phases of every plan of a migration into one rollout,
 * `renderRunbook` writes PLAN.md, `verifyPlan` runs them on a real database.
 *
 * @example
 * const plan: Plan = renameColumnPlan(context) // see src/generate/plan/plans/
 * plan.phases.map((p) => p.kind) // ['expand', 'backfill', 'validate', 'contract']
 */
export interface Plan {
  readonly kind: PlanKind
  /** Markdown: `rename column \`public.users.email\` to \`email_address\``. */
  readonly title: string
  /** `public.users.email` */
  readonly object: string
  /** The migration statement the plan replaces. */
  readonly at: SourceRef
  /** Why the statement cannot run while version A is live, one or two sentences. */
  readonly why: string
  readonly phases: ReadonlyArray<PlanPhase>
  /** What version B must do when it is deployed (which names it uses, what it must tolerate). */
  readonly deployB: string
  /** Where a feature toggle switches B's reads, and after which phase's gate it may be turned on. */
  readonly toggle?: { readonly after: PhaseKind; readonly text: string }
  /** What rollsafe did not handle and the operator must know. */
  readonly notes: ReadonlyArray<string>
  /** Statements `verifyPlan` runs as A and B, and what must hold. */
  readonly probes: PlanProbes
  /** Rows to seed before verification (beyond what the table's types give). */
  readonly seeds: ReadonlyArray<SeedHint>
  /** Another way to make the change (a view for a rename), written as its own phases. */
  readonly alternative?: Alternative
}

export type PlanKind =
  | 'rename-column'
  | 'rename-table'
  | 'change-column-type'
  | 'drop-column'
  | 'split-column'
  | 'drop-table'
  | 'add-not-null'
  | 'add-constraint'

/** Application versions live at a moment of the rollout: only A, both, only B. */
export type AppState = 'A' | 'A+B' | 'B'

export const appStates: ReadonlyArray<AppState> = ['A', 'A+B', 'B']

export type PhaseKind = 'expand' | 'backfill' | 'validate' | 'contract'

export const phaseKinds: ReadonlyArray<PhaseKind> = ['expand', 'backfill', 'validate', 'contract']

export interface PlanPhase {
  readonly kind: PhaseKind
  /** The earliest rollout state this phase may run in (`A`: before B is deployed). */
  readonly from: AppState
  /** The latest (`A`: B must not be deployed before this phase ran; `B`: any time). */
  readonly until: AppState
  /** Statements, each ending with `;` (psql `\gexec` blocks allowed). */
  readonly sql: string
  /** Statements that undo this phase; undefined when it cannot be undone. */
  readonly rollback?: string
  /** What the phase does, one sentence for the runbook. */
  readonly does: string
  /** What the rollback does. */
  readonly undoes?: string
  /** What must hold before this phase runs (data the change would reject, usage of what it drops). */
  readonly precondition?: Gate
  /** What must hold after it, before the next phase. */
  readonly gate?: Gate
}

export interface Gate {
  /** The condition in words. */
  readonly check: string
  /** One row with a boolean `ok` column (plus details); absent when only the deploy tool can tell. */
  readonly sql?: string
  /** A query for the operator that the verifier does not run (needs pg_stat_statements, or time). */
  readonly hint?: string
}

export interface PlanProbes {
  /** The table the probes write (`public.users`). */
  readonly table: string
  /** Primary-key columns, returned by every probe (`RETURNING`). */
  readonly key: ReadonlyArray<string>
  /** Version A's statements: its inserts, updates and reads, with A's names. */
  readonly a: ReadonlyArray<Probe>
  /** Version B's, with B's names, while A is still live. */
  readonly b: ReadonlyArray<Probe>
  /** Version B's after the contract phase (the migration's end state). */
  readonly final: ReadonlyArray<Probe>
  /** A row condition true when old and new representations agree (dual-write in step). */
  readonly inStep?: string
  /** Rows the probes write are in step in every phase (a trigger keeps them so), not only after the backfill. */
  readonly dualWrite?: boolean
  /** After this phase every row is in step. */
  readonly convergedAfter?: PhaseKind
}

export interface Probe {
  readonly sql: string
  /** Run with this search_path (a view schema); the default path otherwise. */
  readonly searchPath?: string
  /** For an insert: what it writes, so the verifier can name the columns the real table requires. */
  readonly insert?: {
    readonly table: string
    readonly name?: string
    readonly values: Readonly<Record<string, string>>
    readonly key: ReadonlyArray<string>
    readonly hints: ReadonlyArray<SeedHint>
  }
}

/** How to seed a column for verification, when its type alone is not enough. */
export interface SeedHint {
  /** Table key, `public.orders`. */
  readonly table: string
  readonly column: string
  /** SQL expressions cycled over the rows. */
  readonly values?: ReadonlyArray<string>
  /** Values taken from this table's rows (a foreign key the migration adds). */
  readonly references?: { readonly table: string; readonly column: string }
}

export interface Alternative {
  /** Short name, used for its folder: `view`. */
  readonly name: string
  readonly title: string
  /** Prose: how it works. */
  readonly summary: string
  /** When it does not fit. */
  readonly whenNot: ReadonlyArray<string>
  readonly phases: ReadonlyArray<PlanPhase>
  readonly deployB: string
  readonly probes: PlanProbes
}

/** Settings every plan's SQL uses. */
export interface PlanOptions {
  /** Rows per backfill batch (default 1000). */
  readonly batchSize: number
  /** Seconds to pause between batches (default 0.1). */
  readonly pause: number
  /** `lock_timeout` for DDL (default `5s`): a blocked ALTER gives up instead of queueing every query behind it. */
  readonly lockTimeout: string
  /** `statement_timeout` for each statement and each backfill batch (default `1min`). */
  readonly statementTimeout: string
  /** PostgreSQL major version the plan targets (default 15). */
  readonly pgVersion: number
}

export const defaultPlanOptions: PlanOptions = {
  batchSize: 1000,
  pause: 0.1,
  lockTimeout: '5s',
  statementTimeout: '1min',
  pgVersion: 15,
}

/** Earliest/latest comparison of rollout states. */
export function stateIndex(state: AppState): number {
  return appStates.indexOf(state)
}
