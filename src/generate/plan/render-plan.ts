import { mergePlans, type MergedPhase } from './merge-plans.js'
import { comment } from './phase-sql.js'
import type { Plan, PlanOptions } from './plan.js'
import { generatedMarker, renderRunbook, type AlternativeOutput } from './render-runbook.js'
import type { MigrationSplit } from './split-migration.js'
import { literal } from './sql.js'

/** Every file of a plan: relative path → content, in a stable order. */
export interface RenderedPlan {
  readonly files: ReadonlyMap<string, string>
  readonly phases: ReadonlyArray<MergedPhase>
  readonly alternatives: ReadonlyArray<AlternativeOutput>
}

function header(migration: string, phase: MergedPhase, total: number, rollback: boolean, options: PlanOptions): string {
  const file = rollback ? phase.rollbackFile : phase.file
  const what = rollback ? `Rollback of phase ${phase.number} (${phase.kind}): undoes ${phase.file}.` : `Phase ${phase.number} of ${total}: ${phase.kind}.`
  return [
    `-- ${generatedMarker} from ${migration}. rollsafe plan rewrites this file; delete this line to keep your edits.`,
    comment(`${what} See PLAN.md for when to run it and the gate to check after.`),
    comment(`Run it with psql, not inside a transaction: psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f ${file ?? ''}`),
    '\\set ON_ERROR_STOP on',
    `SET lock_timeout = ${literal(options.lockTimeout)};`,
    `SET statement_timeout = ${literal(options.statementTimeout)};`,
  ].join('\n')
}

function phaseFiles(migration: string, phases: ReadonlyArray<MergedPhase>, options: PlanOptions, dir = ''): Array<[string, string]> {
  const files: Array<[string, string]> = []
  for (const phase of phases) {
    files.push([`${dir}${phase.file}`, `${header(migration, phase, phases.length, false, options)}\n\n${phase.sql}\n`])
    if (phase.rollbackFile !== undefined) {
      const body = phase.rollback?.trim() ? phase.rollback : comment('Nothing to undo.')
      files.push([`${dir}${phase.rollbackFile}`, `${header(migration, phase, phases.length, true, options)}\n\n${body}\n`])
    }
  }
  return files
}

/** `view-public-users-email`: a folder name for an alternative. */
function alternativeDir(plan: Plan, name: string): string {
  return `alternatives/${name}-${plan.object.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`
}

/**
 * Turns a split migration into files: the phase SQL and rollbacks in order, PLAN.md, and each
 * alternative (a view for a rename) in its own folder. Pure: the same input gives the same bytes.
 *
 * @example
 * const { files } = renderPlan('migrations/004.sql', split, defaultPlanOptions)
 * [...files.keys()] // ['01-expand.sql', '01-expand.rollback.sql', …, 'PLAN.md']
 */
export function renderPlan(migration: string, split: MigrationSplit, options: PlanOptions): RenderedPlan {
  const phases = mergePlans(split.plans, split.carried)
  const alternatives: AlternativeOutput[] = split.plans.flatMap(({ index, plan }) => {
    const alternative = plan.alternative
    if (alternative === undefined) return []
    const asPlan: Plan = {
      kind: plan.kind,
      title: plan.title,
      object: plan.object,
      at: plan.at,
      why: plan.why,
      phases: alternative.phases,
      deployB: alternative.deployB,
      notes: [],
      probes: alternative.probes,
      seeds: plan.seeds,
    }
    return [{ plan, alternative, asPlan, dir: alternativeDir(plan, alternative.name), phases: mergePlans([{ index, plan: asPlan }], []) }]
  })
  const files: Array<[string, string]> = [...phaseFiles(migration, phases, options)]
  for (const alt of alternatives) files.push(...phaseFiles(migration, alt.phases, options, `${alt.dir}/`))
  files.push(['PLAN.md', renderRunbook({ migration, split, phases, alternatives, options })])
  return { files: new Map(files), phases, alternatives }
}
