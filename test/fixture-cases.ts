import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Area } from '../src/core/finding.js'

/**
 * The day every fixture case runs on unless its `options.json` names another: golden files never
 * depend on the clock.
 */
export const fixtureToday = '2026-01-01'

/** One case folder: `fixtures/<area>/<rule>/<name>/`, with paths relative to the project root. */
export interface FixtureCase {
  readonly area: Area
  /** The folder's rule id. */
  readonly rule: string
  readonly name: string
  /** `fixtures/api/<rule>/<name>`, relative to the project root (= `process.cwd()` under vitest). */
  readonly dir: string
  /** File names in the folder, sorted. */
  readonly files: ReadonlyArray<string>
  /** `options.json`, or `{}`. */
  readonly options: Readonly<Record<string, unknown>>
  /** `options.today` when given, else `fixtureToday`. */
  readonly today: string
  /** `ok-` cases must give no finding; every other case at least one. */
  readonly expectsFindings: boolean
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** The rule folders under `fixtures/<area>/`, sorted. */
export function fixtureRuleIds(area: Area): ReadonlyArray<string> {
  return subfolders(join('fixtures', area))
}

function readOptions(dir: string): Readonly<Record<string, unknown>> {
  const file = join(dir, 'options.json')
  if (!existsSync(file)) return {}
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file}: expected a JSON object`)
  }
  return parsed as Record<string, unknown>
}

/** The case folders of one rule, sorted by name. */
export function fixtureCases(area: Area, rule: string): ReadonlyArray<FixtureCase> {
  const ruleDir = join('fixtures', area, rule)
  return subfolders(ruleDir).map((name) => {
    const dir = join(ruleDir, name)
    const options = readOptions(dir)
    const today = options['today']
    return {
      area,
      rule,
      name,
      dir,
      files: readdirSync(dir).sort(),
      options,
      today: typeof today === 'string' ? today : fixtureToday,
      expectsFindings: !name.startsWith('ok-'),
    }
  })
}

/**
 * What a case feeds its rule: every file but the golden one, name and content. Two cases of one
 * rule with the same inputs test nothing new.
 */
export function caseInputs(fixtureCase: FixtureCase): string {
  return fixtureCase.files
    .filter((file) => file !== 'expected.json')
    .map((file) => `${file}\n${readFileSync(join(fixtureCase.dir, file), 'utf8')}`)
    .join('\n\u0000\n')
}
