import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, it } from 'vitest'
import type { SqlSession } from '../../src/db/shadow/sql-session.js'
import { buildPlan, type BuiltPlan } from '../../src/generate/plan/build-plan.js'
import type { PlanOptions } from '../../src/generate/plan/plan.js'
import { formatVerifyReports } from '../../src/generate/plan/verify/format-report.js'
import { verifyPlan, verifyTargets, type VerifyReport } from '../../src/generate/plan/verify/verify-plan.js'

/** fixtures/plan/<case>/: schema.sql (version A) and migration.sql (what B needs). */
export const root = join(import.meta.dirname, '..', '..')
export const planFixtures = join(root, 'fixtures', 'plan')
export const planCases: ReadonlyArray<string> = existsSync(planFixtures) ? readdirSync(planFixtures).sort() : []

/** The cases whose plan cannot be verified as a whole, with the step and check that must fail and why. */
export const expectedFailures: Readonly<Record<string, { step: string; check: string; detail: RegExp }>> = {
  // B inserts rows without the column; A's NOT NULL cannot come back until they get a value.
  'drop-column-not-null-without-default': {
    step: '01-expand.sql',
    check: 'run 01-expand.rollback.sql',
    detail: /rows written by B have region NULL/,
  },
}

/** Small batches, no pause: 24 seeded rows take five batches. */
export const verifyOptions: Partial<PlanOptions> = { batchSize: 5, pause: 0 }

export async function buildCase(name: string, options: Partial<PlanOptions> = verifyOptions): Promise<BuiltPlan> {
  const dir = relative(process.cwd(), join(planFixtures, name))
  return buildPlan({ migration: join(dir, 'migration.sql'), schema: join(dir, 'schema.sql'), options })
}

export async function verifyAll(session: SqlSession, built: BuiltPlan): Promise<ReadonlyArray<VerifyReport>> {
  const reports: VerifyReport[] = []
  for (const target of verifyTargets(built)) reports.push(await verifyPlan(session, built, target))
  return reports
}

/** Every phase ran and passed, the full rollback ran when a phase has one, and the end state matched B's schema. */
export function expectVerified(reports: ReadonlyArray<VerifyReport>, built: BuiltPlan): void {
  expect(reports.every((r) => r.ok), formatVerifyReports(reports)).toBe(true)
  const [main] = reports
  const phases = built.rendered.phases
  const expected = [
    'set-up: version A with rows',
    ...phases.flatMap((p) => (p === phases.filter((q) => q.rollbackFile !== undefined).pop() ? [p.file, 'roll everything back to version A, then forward again'] : [p.file])),
    'end state: version B',
  ]
  expect(main?.steps.map((s) => s.name)).toEqual(expected)
}

/** The case fails exactly where `expectedFailures` says. */
export function expectFailure(reports: ReadonlyArray<VerifyReport>, name: string): void {
  const failure = expectedFailures[name]
  const failed = reports[0]?.steps.find((s) => !s.ok)
  expect(failed?.name, formatVerifyReports(reports)).toBe(failure?.step)
  const check = failed?.checks.find((c) => !c.ok)
  expect(check?.what).toBe(failure?.check)
  expect(check?.detail).toMatch(failure?.detail ?? /^$/)
}

/**
 * One test per plan of fixtures/plan/ on the session `session()` gives when the tests run: every
 * phase verified, or the expected failure for the cases that carry a defect on purpose.
 */
export function itVerifiesEveryPlanCase(session: () => SqlSession): void {
  for (const name of planCases) {
    it(name, async () => {
      const built = await buildCase(name)
      const reports = await verifyAll(session(), built)
      if (name in expectedFailures) expectFailure(reports, name)
      else expectVerified(reports, built)
    })
  }
}
