// Golden tests: every case folder fixtures/<area>/<rule>/<case>/ runs only its folder's rule and
// must give exactly expected.json (refresh with `npx vitest run test/fixtures.test.ts -u`, then
// read the diff). Strict like ESLint's RuleTester.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Area, Finding } from '../src/core/finding.js'
import { findRule, rulesOf } from '../src/core/registry.js'
import type { ChangeKind, Rule } from '../src/core/rule.js'
import { caseInputs, fixtureCases, fixtureRuleIds, type FixtureCase } from './fixture-cases.js'
import { runApiCase } from './run-api-case.js'
import { dbCaseOptions, runDbCase } from './run-db-case.js'

interface AreaRunner {
  /** The `options.json` keys this area understands; any other key fails the case. */
  readonly options: ReadonlyArray<string>
  readonly run: (fixtureCase: FixtureCase, rule: Rule<ChangeKind>) => Promise<ReadonlyArray<Finding>>
}

const runners: Record<Area, AreaRunner | undefined> = {
  api: { options: ['today'], run: runApiCase },
  db: { options: dbCaseOptions, run: runDbCase },
}

const areas = Object.keys(runners) as Area[]
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/

for (const area of areas) {
  const runner = runners[area]
  const ruleIds = fixtureRuleIds(area)
  if (runner === undefined && ruleIds.length > 0) {
    console.warn(`fixtures/${area}: no ${area} case runner registered in test/fixtures.test.ts; skipping ${ruleIds.length} rule folders`)
  }

  if (rulesOf(area).length === 0 && ruleIds.length === 0) continue // vitest fails on empty suites

  describe(`fixtures/${area}`, () => {
    for (const rule of rulesOf(area)) {
      it(`${rule.id} has a reporting case and an ok- case`, () => {
        const cases = fixtureCases(area, rule.id)
        expect(cases.filter((c) => c.expectsFindings).map((c) => c.name), 'reporting cases').not.toEqual([])
        expect(cases.filter((c) => !c.expectsFindings).map((c) => c.name), 'ok- cases').not.toEqual([])
      })
    }

    for (const id of ruleIds) {
      const rule = findRule(id)
      const cases = fixtureCases(area, id)

      describe(id, () => {
        it('is the id of a rule of this area (not an alias)', () => {
          expect(rule?.id, `no rule has the id '${id}'`).toBe(id)
          expect(rule?.area).toBe(area)
        })

        it('has kebab-case case names and no two cases with the same inputs', () => {
          expect(cases.map((c) => c.name).filter((name) => !kebab.test(name)), 'case names').toEqual([])
          const seen = new Map<string, string>()
          for (const c of cases) {
            const inputs = caseInputs(c)
            expect(seen.get(inputs), `${c.name} has the same inputs as`).toBeUndefined()
            seen.set(inputs, c.name)
          }
        })

        for (const c of cases) {
          it.skipIf(runner === undefined || rule === undefined)(c.name, async () => {
            if (runner === undefined || rule === undefined) return
            expect(Object.keys(c.options).filter((key) => !runner.options.includes(key)), 'unknown options.json keys').toEqual([])
            expect(c.today, 'options.json today').toMatch(/^\d{4}-\d{2}-\d{2}$/)
            const findings = await runner.run(c, rule)
            if (c.expectsFindings) expect(findings.length, 'a case not named ok- must report').toBeGreaterThan(0)
            else expect(findings, 'an ok- case must not report').toEqual([])
            for (const finding of findings) {
              expect(finding.rule).toBe(id)
              expect(finding.location.file.startsWith(`${c.dir}/`), `${finding.location.file} is inside ${c.dir}`).toBe(true)
            }
            await expect(`${JSON.stringify(findings, null, 2)}\n`).toMatchFileSnapshot(resolve(c.dir, 'expected.json'))
          })
        }
      })
    }
  })
}
