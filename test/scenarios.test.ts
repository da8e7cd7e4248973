// Whole-pipeline goldens: every fixtures/scenarios/<area>/<name>/ runs EVERY rule of its area on
// real-shaped inputs (not one rule, as test/fixtures.test.ts does), so false alarms show up here.
// Folders named `equivalent-…` hold two spellings of the same API and must give no error at all.
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkApi } from '../src/api/check-api.js'
import type { Finding } from '../src/core/finding.js'
import { checkMigrationFiles } from '../src/db/check-db.js'
import { readFileSync } from 'node:fs'
import { fixtureToday } from './fixture-cases.js'

const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : [])
const pick = (dir: string, side: string): string => {
  const name = list(dir).find((f) => f.startsWith(`${side}.`))
  if (name === undefined) throw new Error(`${dir}: no ${side}.yaml or ${side}.json`)
  return join(dir, name)
}

async function runScenario(area: string, dir: string): Promise<ReadonlyArray<Finding>> {
  if (area === 'api') return checkApi(pick(dir, 'old'), pick(dir, 'new'), { today: fixtureToday })
  const read = (name: string) => {
    const path = join(dir, name)
    return existsSync(path) ? [{ path, text: readFileSync(path, 'utf8'), transactional: false }] : []
  }
  const { findings } = await checkMigrationFiles(read('migration.sql'), { today: fixtureToday }, read('schema.sql'))
  return findings
}

for (const area of ['api', 'db']) {
  const root = join('fixtures', 'scenarios', area)
  const names = list(root)
  if (names.length === 0) continue
  describe(`scenarios/${area}`, () => {
    for (const name of names) {
      it(name, async () => {
        const dir = join(root, name)
        const findings = await runScenario(area, dir)
        if (name.startsWith('equivalent-')) {
          expect(findings.filter((f) => f.severity === 'error'), 'an equivalent spelling must not break anything').toEqual([])
        }
        await expect(`${JSON.stringify(findings, null, 2)}\n`).toMatchFileSnapshot(resolve(dir, 'expected.json'))
      })
    }
  })
}
