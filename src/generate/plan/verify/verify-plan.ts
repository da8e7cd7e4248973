import { introspectSchema } from '../../../db/introspect/introspect-schema.js'
import { applyMigrations } from '../../../db/shadow/apply-migrations.js'
import { scratchPrefix } from '../../../db/shadow/scratch-database.js'
import { sqlErrorInfo, type SqlSession } from '../../../db/shadow/sql-session.js'
import type { SchemaModel } from '../../../db/schema-model.js'
import type { BuiltPlan } from '../build-plan.js'
import type { MergedPhase } from '../merge-plans.js'
import { planTables } from '../plan-context.js'
import { phaseKinds, type Plan, type Probe } from '../plan.js'
import { ident, qualified, splitKey } from '../sql.js'
import { probeFor } from '../probes.js'
import { runProbes, type Touched } from './probe-runner.js'
import { runScript, ScriptError } from './run-script.js'
import { seedRows } from './seed-rows.js'
import { differences, rowsAsSeenBy, schemaSnapshot, shapeDifferences } from './snapshot.js'

export interface VerifyCheck {
  readonly what: string
  readonly ok: boolean
  readonly detail?: string
}

/** One step of the verification: the set-up, a phase (with its rollback), the full rollback, the end state. */
export interface VerifyStep {
  readonly name: string
  readonly ok: boolean
  readonly checks: ReadonlyArray<VerifyCheck>
}

export interface VerifyReport {
  /** `plan`, or `alternative view-public-users-email`. */
  readonly title: string
  readonly engine: SqlSession['engine']
  readonly ok: boolean
  readonly steps: ReadonlyArray<VerifyStep>
}

/** What to verify: phases, the files holding their SQL, the plans they come from. */
export interface VerifyTarget {
  readonly title: string
  readonly phases: ReadonlyArray<MergedPhase>
  /** File name → content; names are `dir` + the phase's file. */
  readonly files: ReadonlyMap<string, string>
  readonly dir: string
  readonly plans: ReadonlyArray<Plan>
  /** The schema the phases end in: the migration's (an alternative covers only its own change). */
  readonly b: SchemaModel
}

export interface VerifyOptions {
  /** Rows per seeded table (default 24). */
  readonly rows?: number
  /** SQL that seeds the tables instead of rollsafe's generated rows. */
  readonly seed?: string
}

class Failed extends Error {}

function outOfStep(count: unknown): string | undefined {
  return count === 0 ? undefined : `${String(count)} rows out of step`
}

/** Collects the checks of one step; `expect` records a check and stops the step when it fails. */
class StepRecorder {
  readonly checks: VerifyCheck[] = []
  expect(what: string, ok: boolean, detail?: string): void {
    this.checks.push({ what, ok, ...(detail === undefined ? {} : { detail }) })
    if (!ok) throw new Failed(what)
  }
  async run(what: string, action: () => Promise<unknown>, hint?: string): Promise<void> {
    try {
      await action()
    } catch (error) {
      const detail = error instanceof ScriptError ? error.message : sqlErrorInfo(error).message.split('\n')[0]
      this.expect(what, false, hint === undefined ? detail : `${detail}\n${hint}`)
    }
    this.checks.push({ what, ok: true })
  }
}

/** Drops every user schema of a scratch database (never of any other database) and recreates `public`. */
async function resetScratch(session: SqlSession): Promise<void> {
  if (session.engine === 'postgres') {
    const [row] = await session.exec('SELECT current_database() AS name')
    if (!String(row?.['name']).startsWith(scratchPrefix)) throw new Error(`refusing to reset ${String(row?.['name'])}: not a rollsafe scratch database`)
  }
  const schemas = await session.exec(`SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`)
  for (const row of schemas) await session.exec(`DROP SCHEMA "${String(row['nspname']).replaceAll('"', '""')}" CASCADE`)
  await session.exec('CREATE SCHEMA public')
}

async function gates(step: StepRecorder, session: SqlSession, phase: MergedPhase, which: 'precondition' | 'gate'): Promise<void> {
  for (const item of phase.items) {
    const gate = 'phase' in item ? item.phase[which] : undefined
    if (gate?.sql === undefined) continue
    let ok = false
    let detail: string | undefined
    try {
      const [row] = await session.exec(gate.sql)
      ok = row?.['ok'] === true
      if (!ok) detail = JSON.stringify(row)
    } catch (error) {
      detail = sqlErrorInfo(error).message
    }
    step.expect(`${which}: ${gate.check}`, ok, detail)
  }
}

/**
 * Runs a plan on a scratch database: builds version A's schema, seeds rows, then for every phase
 * checks its precondition, runs the file, checks its gate, runs A's and B's probe statements as
 * the rollout state allows and checks that dual-written rows are in step (all rows after the
 * backfill); runs the rollback and checks that it restores the schema before the phase with A's
 * rows unchanged, then runs the phase again. Before the contract it rolls everything back to A's
 * schema (no row of A lost) and forward again; after the contract, B's probes and B's columns.
 *
 * @example
 * const report = await verifyPlan(session, built, mainTarget(built))
 * report.ok // false when a phase, gate, probe or rollback failed
 */
export async function verifyPlan(session: SqlSession, built: BuiltPlan, target: VerifyTarget, options: VerifyOptions = {}): Promise<VerifyReport> {
  const steps: VerifyStep[] = []
  let counter = 1000
  const file = (name: string): string => target.files.get(`${target.dir}${name}`) ?? ''
  const aTables = [...new Set(target.plans.map((p) => planTables(p).a))].sort()
  // A's rows, table by table; a table whose name A no longer finds (parked) counts with the rows it last had.
  const lastSeen = new Map<string, ReadonlyArray<string>>()
  const aRows = async (): Promise<string> => {
    const all: Array<ReadonlyArray<string>> = []
    for (const key of aTables) {
      const rows = await rowsAsSeenBy(session, built.a, key).catch(() => undefined)
      if (rows !== undefined) lastSeen.set(key, rows)
      all.push(rows ?? lastSeen.get(key) ?? [])
    }
    return JSON.stringify(all)
  }
  const record = async (name: string, body: (step: StepRecorder) => Promise<void>): Promise<boolean> => {
    const step = new StepRecorder()
    let ok = true
    try {
      await body(step)
    } catch (error) {
      ok = false
      if (!(error instanceof Failed)) step.checks.push({ what: 'unexpected error', ok: false, detail: (error as Error).message })
    }
    steps.push({ name, ok, checks: step.checks })
    return ok
  }
  // Before any phase ran, a failing probe is rollsafe's own: its rows or statements do not fit the schema.
  const setUpHint = "(before any phase: rollsafe's generated rows or statements do not fit this schema; --seed FILE gives your own rows)"
  let settingUp = true
  let liveA: SchemaModel = built.a
  const goneForB = (probe: Probe): ReadonlySet<string> => {
    const key = probe.insert?.table ?? ''
    const kept = new Set(target.b.tables.get(key)?.columns.map((c) => c.name))
    return new Set(built.a.tables.get(key)?.columns.map((c) => c.name).filter((name) => !kept.has(name)))
  }
  const probe = async (step: StepRecorder, version: 'A' | 'B' | 'final', phaseKind?: string): Promise<void> => {
    const touched: Touched[] = []
    for (const plan of target.plans) {
      // Inserts name the columns the real table requires (introspected at set-up), but not those B no longer knows.
      const list = version === 'A' ? plan.probes.a.map((p) => probeFor(liveA, p)) : version === 'B' ? plan.probes.b.map((p) => probeFor(liveA, p, goneForB(p))) : plan.probes.final
      await step.run(`${version === 'final' ? 'B, at the end,' : version} writes and reads ${plan.probes.table} (${plan.kind})`, async () => {
        touched.push(...(await runProbes(session, plan, list, () => ++counter)))
      }, settingUp ? setUpHint : undefined)
    }
    if (version === 'final' || phaseKind === undefined) return
    for (const plan of target.plans) {
      const inStep = plan.probes.inStep
      if (inStep === undefined) continue
      const table = qualified(splitKey(plan.probes.table))
      const converged = plan.probes.convergedAfter !== undefined && phaseKinds.indexOf(phaseKind as never) >= phaseKinds.indexOf(plan.probes.convergedAfter)
      const rows = touched.filter((t) => t.plan === plan)
      if (plan.probes.dualWrite && rows.length > 0) {
        const keys = rows.map((t) => t.key).join(', ')
        const [row] = await session.exec(`SELECT count(*)::int AS n FROM ${table} WHERE NOT (${inStep}) AND (${plan.probes.key.map(ident).join(', ')}) IN (${keys})`)
        step.expect(`rows written by ${version} are in step (${inStep})`, row?.['n'] === 0, outOfStep(row?.['n']))
      }
      if (converged) {
        const [row] = await session.exec(`SELECT count(*)::int AS n FROM ${table} WHERE NOT (${inStep})`)
        step.expect(`every row is in step (${inStep})`, row?.['n'] === 0, outOfStep(row?.['n']))
      }
    }
  }
  // After a phase, what is deployed may move on to the next phase's state (B rolls out after the expand).
  const probeState = async (step: StepRecorder, phase: MergedPhase): Promise<void> => {
    const next = target.phases[target.phases.indexOf(phase) + 1]
    if (phase.state !== 'B') await probe(step, 'A', phase.kind)
    if (phase.state !== 'A' || (next !== undefined && next.state !== 'A')) await probe(step, 'B', phase.kind)
  }

  let initial: ReadonlyArray<string> = []
  const ready = await record('set-up: version A with rows', async (step) => {
    await step.run('reset the scratch database', () => resetScratch(session))
    await step.run(`apply version A's schema (${built.setup.length} file${built.setup.length === 1 ? '' : 's'})`, () => applyMigrations(session, built.setup, built.vars))
    // Rows fit the schema the database really has (a column a DO block added is in the catalog, not in the static model).
    liveA = (await introspectSchema(session.db)).model
    const seeds = seedRows(liveA, aTables, target.plans.flatMap((p) => p.seeds), options.rows ?? 24)
    await step.run(options.seed ? 'seed rows (--seed)' : 'seed rows', () => runScript(session, options.seed ?? seeds.sql, 'seed.sql'), options.seed ? undefined : setUpHint)
    for (const table of seeds.tables) {
      const [row] = await session.exec(`SELECT count(*)::int AS n FROM ${qualified(table.name)}`)
      step.expect(`${table.key} has rows`, Number(row?.['n']) > 0, `every generated row broke a constraint of ${table.key}: seed it with --seed FILE`)
    }
    await probe(step, 'A')
    initial = await schemaSnapshot(session)
  })
  settingUp = false
  if (!ready) return { title: target.title, engine: session.engine, ok: false, steps }

  const reversible = target.phases.filter((p) => p.rollbackFile !== undefined)
  const lastReversible = reversible[reversible.length - 1]
  for (const phase of target.phases) {
    const ok = await record(phase.file, async (step) => {
      await gates(step, session, phase, 'precondition')
      const before = await schemaSnapshot(session)
      await aRows() // remembers A's rows before the phase, for a table the phase parks
      await step.run(`run ${phase.file}`, () => runScript(session, file(phase.file), phase.file))
      await gates(step, session, phase, 'gate')
      if (phase.kind === 'contract') return
      await probeState(step, phase)
      if (phase.rollbackFile === undefined) return
      const rows = await aRows()
      await step.run(`run ${phase.rollbackFile}`, () => runScript(session, file(phase.rollbackFile ?? ''), phase.rollbackFile ?? ''))
      const changed = differences(before, await schemaSnapshot(session))
      step.expect(`${phase.rollbackFile} restores the schema before ${phase.file}`, changed.length === 0, changed.slice(0, 8).join('\n'))
      step.expect(`${phase.rollbackFile} keeps every row as A sees it`, (await aRows()) === rows)
      await step.run(`run ${phase.file} again`, () => runScript(session, file(phase.file), phase.file))
      await gates(step, session, phase, 'gate')
    })
    if (!ok) break
    if (phase !== lastReversible) continue
    const unwound = await record('roll everything back to version A, then forward again', async (step) => {
      const rows = await aRows()
      for (const back of [...reversible].reverse()) {
        await step.run(`run ${back.rollbackFile}`, () => runScript(session, file(back.rollbackFile ?? ''), back.rollbackFile ?? ''))
      }
      const changed = differences(initial, await schemaSnapshot(session))
      step.expect("the rollbacks restore version A's schema", changed.length === 0, changed.slice(0, 8).join('\n'))
      step.expect('no row of A is lost or changed', (await aRows()) === rows)
      await probe(step, 'A')
      for (const forward of reversible) await step.run(`run ${forward.file}`, () => runScript(session, file(forward.file), forward.file))
    })
    if (!unwound) break
  }
  if (steps.every((s) => s.ok)) {
    await record('end state: version B', async (step) => {
      await probe(step, 'final')
      const keys = new Set(target.plans.flatMap((p) => Object.values(planTables(p)).filter((k): k is string => k !== undefined)))
      for (const key of [...keys].sort()) {
        const changed = await shapeDifferences(session, target.b, key)
        const what = target.b.tables.has(key) ? `${key} has the columns the migration gives it` : `${key} is gone, as after the migration`
        step.expect(what, changed.length === 0, changed.join('\n'))
      }
    })
  }
  return { title: target.title, engine: session.engine, ok: steps.every((s) => s.ok), steps }
}

/**
 * The plan and each of its alternatives, as verification targets.
 *
 * @example
 * for (const target of verifyTargets(built)) reports.push(await verifyPlan(session, built, target))
 */
export function verifyTargets(built: BuiltPlan): ReadonlyArray<VerifyTarget> {
  const { rendered, split } = built
  return [
    { title: 'plan', phases: rendered.phases, files: rendered.files, dir: '', plans: split.plans.map((p) => p.plan), b: built.b },
    ...rendered.alternatives.map((alt) => ({
      title: `alternative ${alt.dir}`,
      phases: alt.phases,
      files: rendered.files,
      dir: `${alt.dir}/`,
      plans: [alt.asPlan],
      b: built.alternativeEnds.get(alt.dir) ?? built.b,
    })),
  ]
}
