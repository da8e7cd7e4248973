import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCase, planCases, planFixtures } from './helpers/plan-cases.js'

// Golden files for fixtures/plan/<case>/expected/: every file `rollsafe plan` writes for the case,
// with the default options (`npx vitest run -u` rewrites them; review the diff like code).
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('plan output', () => {
  for (const name of planCases) {
    it(name, async () => {
      const built = await buildCase(name, {})
      const again = await buildCase(name, {})
      expect([...again.rendered.files], 'the same input gives the same files').toEqual([...built.rendered.files])
      const expected = join(planFixtures, name, 'expected')
      for (const [file, text] of built.rendered.files) await expect(text).toMatchFileSnapshot(join(expected, file))
      const stale = filesUnder(expected).map((p) => relative(expected, p)).filter((p) => !built.rendered.files.has(p))
      expect(stale, 'expected files the plan no longer writes (delete them)').toEqual([])
    })
  }
})
