import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPGliteSession } from '../src/db/shadow/pglite-session.js'
import type { SqlSession } from '../src/db/shadow/sql-session.js'
import type { BuiltPlan } from '../src/generate/plan/build-plan.js'
import { formatVerifyReports } from '../src/generate/plan/verify/format-report.js'
import { verifyPlan, verifyTargets, type VerifyReport } from '../src/generate/plan/verify/verify-plan.js'
import { buildCase, itVerifiesEveryPlanCase } from './helpers/plan-cases.js'

// Every plan of fixtures/plan/ run on PGlite (one instance for the file), then plans with one
// defect each, which the verification must catch at the right step.
let session: SqlSession
beforeAll(async () => {
  session = await openPGliteSession()
})
afterAll(async () => {
  await session.close()
})

describe('plans verified on PGlite', () => {
  itVerifiesEveryPlanCase(() => session)
})

/** Verifies the main plan with one file's text changed. */
async function verifyTampered(built: BuiltPlan, file: string, change: (text: string) => string): Promise<VerifyReport> {
  const target = verifyTargets(built)[0]!
  const original = target.files.get(file)
  expect(original, file).toBeDefined()
  const tampered = change(original ?? '')
  expect(tampered, 'the change applies').not.toBe(original)
  const files = new Map(target.files).set(file, tampered)
  return verifyPlan(session, built, { ...target, files })
}

function firstFailure(report: VerifyReport): { step?: string; check?: string; detail?: string } {
  const step = report.steps.find((s) => !s.ok)
  const check = step?.checks.find((c) => !c.ok)
  return { ...(step ? { step: step.name } : {}), ...(check ? { check: check.what } : {}), ...(check?.detail ? { detail: check.detail } : {}) }
}

describe('the verification catches a broken plan', () => {
  let built: BuiltPlan
  beforeAll(async () => {
    built = await buildCase('rename-column')
  })

  it('a trigger that does not copy B’s updates back to A’s column', async () => {
    const report = await verifyTampered(built, '01-expand.sql', (t) => t.replace('NEW.email := NEW.email_address;  -- B updated', 'NULL;  -- B updated'))
    expect(firstFailure(report), formatVerifyReports([report])).toMatchObject({
      step: '01-expand.sql',
      check: 'rows written by B are in step (email_address IS NOT DISTINCT FROM email)',
    })
  })

  it('a backfill that leaves rows out', async () => {
    const report = await verifyTampered(built, '02-backfill.sql', (t) => t.replace('AND (email_address IS DISTINCT FROM email)', 'AND id > 12 AND (email_address IS DISTINCT FROM email)'))
    expect(firstFailure(report)).toMatchObject({ step: '02-backfill.sql', check: 'gate: No row has `email_address` different from `email`.' })
  })

  it('a rollback that leaves an object behind', async () => {
    const report = await verifyTampered(built, '01-expand.rollback.sql', (t) => t.replace(/DROP FUNCTION IF EXISTS [^;]+;\n/, ''))
    expect(firstFailure(report)).toMatchObject({
      step: '01-expand.sql',
      check: '01-expand.rollback.sql restores the schema before 01-expand.sql',
      detail: '+ function public.rollsafe_sync_users_email',
    })
  })

  it('a rollback that loses a row', async () => {
    const report = await verifyTampered(built, '03-validate.rollback.sql', (t) => `${t}\nDELETE FROM public.users WHERE id = (SELECT max(id) FROM public.users);\n`)
    expect(firstFailure(report)).toMatchObject({ step: '03-validate.sql', check: '03-validate.rollback.sql keeps every row as A sees it' })
  })

  it('a contract that does not reach the migration’s schema', async () => {
    const report = await verifyTampered(built, '04-contract.sql', (t) => t.replace(/ALTER TABLE public.users ALTER COLUMN email_address SET NOT NULL;\n/, ''))
    expect(firstFailure(report)).toMatchObject({ step: 'end state: version B', check: 'public.users has the columns the migration gives it' })
  })
})
