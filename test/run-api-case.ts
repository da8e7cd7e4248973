import { join } from 'node:path'
import { checkApi } from '../src/api/check-api.js'
import type { Finding } from '../src/core/finding.js'
import type { ChangeKind, Rule } from '../src/core/rule.js'
import type { FixtureCase } from './fixture-cases.js'

const inputExtensions = ['yaml', 'yml', 'json']

function input(fixtureCase: FixtureCase, side: 'old' | 'new'): string {
  const found = inputExtensions.map((ext) => `${side}.${ext}`).filter((name) => fixtureCase.files.includes(name))
  if (found.length !== 1) {
    throw new Error(`${fixtureCase.dir}: expected exactly one of ${side}.yaml, ${side}.yml, ${side}.json`)
  }
  return join(fixtureCase.dir, found[0] as string)
}

/**
 * An API case: `old.*` against `new.*` through the real loader and diff, running only `rule`.
 * Paths stay relative to the project root, so findings name `fixtures/api/<id>/<case>/new.yaml`.
 */
export async function runApiCase(fixtureCase: FixtureCase, rule: Rule<ChangeKind>): Promise<ReadonlyArray<Finding>> {
  return checkApi(input(fixtureCase, 'old'), input(fixtureCase, 'new'), { today: fixtureCase.today, rules: [rule] })
}
