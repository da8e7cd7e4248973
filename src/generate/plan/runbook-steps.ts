import type { MergedPhase } from './merge-plans.js'
import type { AppState, Plan } from './plan.js'

/**
 * The rollout as an ordered list of steps: the phases, and between them the application steps
 * (deploy B, turn a toggle on, retire A, wait) the phases' states call for.
 *
 * @example
 * runbookSteps(phases, plans).map((s) => s.kind) // ['phase', 'deploy-b', 'phase', 'toggle', 'phase', 'retire-a', 'phase']
 */
export type RunbookStep =
  | { readonly kind: 'phase'; readonly phase: MergedPhase }
  | { readonly kind: 'deploy-b'; readonly state: AppState }
  | { readonly kind: 'toggle'; readonly plans: ReadonlyArray<Plan> }
  /** Finish the rollout: no A left. `beforeContract`: also wait out the rollback window. */
  | { readonly kind: 'retire-a'; readonly beforeContract: boolean }
  /** Wait out the rollback window before the irreversible contract phase. */
  | { readonly kind: 'wait' }

export function runbookSteps(phases: ReadonlyArray<MergedPhase>, plans: ReadonlyArray<Plan>): ReadonlyArray<RunbookStep> {
  const steps: RunbookStep[] = []
  let state: AppState = 'A'
  for (const phase of phases) {
    if (state === 'A' && phase.state !== 'A') steps.push({ kind: 'deploy-b', state: phase.state })
    if (state !== 'B' && phase.state === 'B') {
      steps.push({ kind: 'retire-a', beforeContract: phase.kind === 'contract' })
    } else if (phase.kind === 'contract') {
      steps.push({ kind: 'wait' })
    }
    steps.push({ kind: 'phase', phase })
    const toggled = plans.filter((p) => p.toggle?.after === phase.kind)
    if (toggled.length > 0) steps.push({ kind: 'toggle', plans: toggled })
    state = phase.state
  }
  if (state === 'A') steps.push({ kind: 'deploy-b', state: 'A+B' })
  if (state !== 'B') steps.push({ kind: 'retire-a', beforeContract: false })
  return steps
}

/** `A`, `A and B`, `B`: what is deployed, in words. */
export function deployedText(state: AppState): string {
  return state === 'A' ? 'A only' : state === 'A+B' ? 'A and B' : 'B only'
}

/** The state after each step, for the timeline table. */
export function stateAfter(step: RunbookStep, before: AppState): AppState {
  if (step.kind === 'deploy-b') return 'A+B'
  if (step.kind === 'retire-a') return 'B'
  return before
}
