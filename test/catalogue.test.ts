// The rule catalogue: one name per rule everywhere (file, id, fixture folder, docs page), complete
// metadata, generated files current, and request/response symmetry (oasdiff's rule_symmetry_test).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Area } from '../src/core/finding.js'
import { severities } from '../src/core/finding.js'
import { allRules, rulesOf } from '../src/core/registry.js'
import { renderRuleDoc } from '../src/core/rule-docs.js'
import { readRuleExamples } from '../src/core/rule-examples.js'
import type { ChangeKind, Rule } from '../src/core/rule.js'
import { fixtureRuleIds } from './fixture-cases.js'

const areas: ReadonlyArray<Area> = ['api', 'db']
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** What `npm run gen` registers: rules/<area>/*.ts but the index and tests, sorted. */
function ruleFileIds(area: Area): string[] {
  return readdirSync(join('rules', area))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort()
}

describe('one name per rule', () => {
  for (const area of areas) {
    it(`rules/${area}/index.ts is current: it registers every rule file, sorted`, () => {
      expect(rulesOf(area).map((rule) => rule.id)).toEqual(ruleFileIds(area))
    })

    for (const id of ruleFileIds(area)) {
      it(`rules/${area}/${id}.ts exports the registered rule ${id}, which has a fixture folder`, async () => {
        const module = (await import(pathToFileURL(resolve('rules', area, `${id}.ts`)).href)) as { rule?: Rule<ChangeKind> }
        expect(module.rule?.id).toBe(id)
        expect(module.rule?.area).toBe(area)
        expect(rulesOf(area)).toContain(module.rule)
        expect(fixtureRuleIds(area)).toContain(id)
      })
    }

    it(`every fixtures/${area} folder is a rule id`, () => {
      const ids = new Set(rulesOf(area).map((rule) => rule.id))
      expect(fixtureRuleIds(area).filter((folder) => !ids.has(folder))).toEqual([])
    })
  }

  it('ids and aliases are kebab-case and unique', () => {
    const names = allRules.flatMap((rule) => [rule.id, ...(rule.aliases ?? [])])
    expect(names.filter((name) => !kebab.test(name)), 'not kebab-case').toEqual([])
    expect(names.filter((name, i) => names.indexOf(name) !== i), 'used twice').toEqual([])
  })
})

describe('metadata', () => {
  const oneSentence = /^[A-Z`][^]*[^.]\.$/
  const innerSentenceEnd = /[.!?]\s+[A-Z]/
  const endsAsProse = /[.!?][)"'`]*$/
  for (const rule of allRules) {
    it(rule.id, () => {
      expect(rule.summary.length, 'summary length').toBeLessThan(100)
      expect(rule.summary, 'summary is one sentence').toMatch(oneSentence)
      expect(rule.summary, 'summary is one sentence').not.toMatch(innerSentenceEnd)
      expect(rule.why.trim(), 'why ends like prose').toMatch(endsAsProse)
      expect(rule.safe.trim(), 'safe ends like prose').toMatch(endsAsProse)
      expect(severities).toContain(rule.severity)
      expect(rule.on.length, 'subscribes to some change kind').toBeGreaterThan(0)
      for (const see of rule.seeAlso ?? []) expect(see.trim()).not.toBe('')
      if (rule.area === 'db') expect(rule.direction).toBe('none')
      if (rule.direction === 'none') {
        expect(rule.id, 'only request/response rules are named so').not.toMatch(/^(request|response)-/)
        expect(rule.symmetryWaiver, 'a waiver only makes sense for request/response rules').toBeUndefined()
      } else {
        expect(rule.id, 'named after its direction').toMatch(new RegExp(`^${rule.direction}-`))
      }
      if (rule.symmetryWaiver !== undefined) expect(rule.symmetryWaiver.trim()).not.toBe('')
    })
  }
})

describe('generated docs are current (npm run gen)', () => {
  for (const rule of allRules) {
    it(`docs/rules/${rule.id}.md`, () => {
      const file = join('docs', 'rules', `${rule.id}.md`)
      expect(existsSync(file), `${file} exists`).toBe(true)
      expect(readFileSync(file, 'utf8')).toBe(renderRuleDoc(rule, readRuleExamples(process.cwd(), rule)))
    })
  }

  it('no docs page outlives its rule', () => {
    const dir = join('docs', 'rules')
    const pages = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.md')) : []
    const ids = new Set(allRules.map((rule) => rule.id))
    expect(pages.filter((page) => !ids.has(page.slice(0, -'.md'.length)))).toEqual([])
  })
})

/**
 * Event pairs that swap between directions: data flowing in is contravariant, data flowing out
 * covariant, so the mirror of `request-max-decreased` (both break clients) is `response-max-increased`.
 */
const mirroredEvents: ReadonlyArray<readonly [string, string]> = [
  ['added', 'removed'],
  ['increased', 'decreased'],
  ['narrowed', 'widened'],
  ['became-nullable', 'became-not-nullable'],
  ['became-required', 'became-optional'],
  ['relaxed', 'tightened'],
  ['restricted', 'allowed'],
]

/** `request-x-added` → `response-x-added` and `response-x-removed`: the ids that would mirror it. */
function mirrorCandidates(id: string): ReadonlyArray<string> {
  const same = id.startsWith('request-') ? `response-${id.slice(8)}` : `request-${id.slice(9)}`
  for (const [a, b] of mirroredEvents) {
    if (same.endsWith(`-${a}`)) return [same, `${same.slice(0, -a.length)}${b}`]
    if (same.endsWith(`-${b}`)) return [same, `${same.slice(0, -b.length)}${a}`]
  }
  return [same]
}

describe('request/response symmetry: a mirror in the other direction, or a waiver that is still needed', () => {
  const byId = new Map(allRules.map((rule) => [rule.id, rule]))
  for (const rule of allRules.filter((r) => r.direction !== 'none')) {
    it(rule.id, () => {
      const other = rule.direction === 'request' ? 'response' : 'request'
      const candidates = mirrorCandidates(rule.id)
      const mirror = candidates.find((id) => byId.get(id)?.direction === other)
      if (rule.symmetryWaiver === undefined) {
        expect(mirror, `no ${other} rule ${candidates.join(' or ')}: add one, or a symmetryWaiver with the reason`).toBeDefined()
      } else {
        expect(mirror, `symmetryWaiver no longer needed: ${mirror} mirrors ${rule.id}`).toBeUndefined()
      }
    })
  }
})
