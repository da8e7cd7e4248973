import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RuleMeta } from './rule.js'

/** One fixture case shown in a rule's docs: its inputs and its real, golden output. */
export interface RuleExample {
  readonly name: string
  readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>
  readonly expected: string
}

const inputOrder = ['schema.sql', 'old.yaml', 'old.json', 'new.yaml', 'new.json', 'base.sql', 'migration.sql', 'live.sql']

/** Reads up to two cases (one that reports, one `ok-`) from `fixtures/<area>/<id>/`. */
export function readRuleExamples(root: string, rule: RuleMeta): ReadonlyArray<RuleExample> {
  const dir = join(root, 'fixtures', rule.area, rule.id)
  if (!existsSync(dir)) return []
  const cases = readdirSync(dir).sort()
  const picked = [cases.find((c) => !c.startsWith('ok-')), cases.find((c) => c.startsWith('ok-'))]
  return picked
    .filter((c): c is string => c !== undefined)
    .map((name) => {
      const folder = join(dir, name)
      const present = readdirSync(folder)
      const files = inputOrder
        .filter((f) => present.includes(f))
        .map((f) => ({ name: f, text: readFileSync(join(folder, f), 'utf8') }))
      const expectedFile = join(folder, 'expected.json')
      const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '[]\n'
      return { name, files, expected }
    })
}
