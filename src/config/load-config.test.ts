import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrationLayouts } from './config.js'
import { loadConfig } from './load-config.js'

const dir = mkdtempSync(join(tmpdir(), 'rollsafe-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let count = 0
function write(text: string, extension = 'yaml'): string {
  const file = join(dir, `case-${++count}.${extension}`)
  writeFileSync(file, text)
  return file
}

/** The one-line message loadConfig throws, with the temp folder cut off. */
function errorOf(text: string, options: Parameters<typeof loadConfig>[1] = {}, extension = 'yaml'): string {
  try {
    loadConfig(write(text, extension), { name: `rollsafe.config.${extension}`, ...options })
  } catch (error) {
    expect((error as Error).name).toBe('InputError')
    return (error as Error).message
  }
  throw new Error('expected an InputError')
}

describe('loadConfig', () => {
  it('accepts the minimal form and fills in the defaults', () => {
    const file = write('api: [openapi.yaml]          # checked against --base\nmigrations: [db/migrations]\n')
    const config = loadConfig(file)
    expect(config.api).toEqual([{ new: 'openapi.yaml' }])
    expect(config.migrations).toEqual([{ path: 'db/migrations', layout: 'auto', history: [] }])
    expect(config.policy).toEqual({ failOn: 'error', severity: {}, ignores: [] })
    expect(config.dir).toBe(dir)
    expect(config.postgresVersion).toBeUndefined()
  })

  it('reads the full form: pairs, layouts, history, policy', () => {
    const file = write(`
api:
  - services/pets/openapi.yaml
  - { old: spec/v1.json, new: spec/v2.json }
migrations:
  - path: db/migrations
    layout: prisma
    history: db/applied
postgresVersion: 16
failOn: warning
rules:
  response-property-removed: warning
  column-dropped: off
ignore:
  - rule: column-dropped
    object: public.users.legacy
    reason: dropped after the v3 rollout, no reader left
    expires: 2026-03-01
`)
    const config = loadConfig(file)
    expect(config.api).toEqual([{ new: 'services/pets/openapi.yaml' }, { old: 'spec/v1.json', new: 'spec/v2.json' }])
    expect(config.migrations).toEqual([{ path: 'db/migrations', layout: 'prisma', history: ['db/applied'] }])
    expect(config.postgresVersion).toBe(16)
    expect(config.policy).toEqual({
      failOn: 'warning',
      severity: { 'response-property-removed': 'warning', 'column-dropped': 'off' },
      ignores: [
        {
          rule: 'column-dropped',
          object: 'public.users.legacy',
          reason: 'dropped after the v3 rollout, no reader left',
          expires: '2026-03-01',
        },
      ],
    })
  })

  it('takes a single path where a list is expected', () => {
    const config = loadConfig(write('api: openapi.yaml\nmigrations: migrations\n'))
    expect(config.api).toEqual([{ new: 'openapi.yaml' }])
    expect(config.migrations.map((m) => m.path)).toEqual(['migrations'])
  })

  it('reads JSON, with the $schema key editors use', () => {
    const text = JSON.stringify({ $schema: './schema.json', api: ['a.json'], failOn: 'never' }, null, 2)
    const config = loadConfig(write(text, 'json'))
    expect(config.api).toEqual([{ new: 'a.json' }])
    expect(config.policy.failOn).toBe('never')
  })

  it('names an unknown key at its line and column, with a likely fix', () => {
    expect(errorOf('api: [a.yaml]\nfailon: warning\n')).toBe(
      "rollsafe.config.yaml:2:1: unknown key 'failon' (did you mean 'failOn'?)",
    )
    expect(errorOf('api: [a.yaml]\nignore:\n  - rule: x\n    reason: y\n    until: 2026-01-01\n')).toBe(
      "rollsafe.config.yaml:5:5: ignore[0]: unknown key 'until'",
    )
  })

  it('names a wrong type or value at the value', () => {
    expect(errorOf('api: [a.yaml]\nfailOn: fatal\n')).toBe(
      "rollsafe.config.yaml:2:9: failOn: must be one of error, warning, info, never, not 'fatal'",
    )
    expect(errorOf('postgresVersion: sixteen\n')).toBe(
      "rollsafe.config.yaml:1:18: postgresVersion: must be an integer, not 'sixteen'",
    )
    expect(errorOf('migrations:\n  - path: db\n    layout: rails\n')).toMatch(
      /^rollsafe\.config\.yaml:3:13: migrations\[0\]\.layout: must be one of auto, plain, .*, not 'rails'$/,
    )
    expect(errorOf('api:\n  - 12\n')).toBe(
      'rollsafe.config.yaml:2:5: api[0]: must be a path (checked against its version at --base) or { old, new }, not 12',
    )
    expect(errorOf('rules:\n  column-dropped: fatal\n')).toBe(
      "rollsafe.config.yaml:2:19: rules.column-dropped: must be one of error, warning, info, off, not 'fatal'",
    )
  })

  it('names a missing key at the object that lacks it', () => {
    expect(errorOf('api: [a.yaml]\nignore:\n  - rule: column-dropped\n')).toBe(
      "rollsafe.config.yaml:3:5: ignore[0]: missing key 'reason'",
    )
    expect(errorOf('api:\n  - old: v1.yaml\n')).toBe("rollsafe.config.yaml:2:5: api[0]: missing key 'new'")
  })

  it('checks expiry dates and rule ids', () => {
    const ignore = (expires: string): string =>
      `ignore:\n  - rule: column-dropped\n    reason: r\n    expires: ${expires}\n`
    expect(errorOf(ignore('2026/03/01'))).toBe(
      "rollsafe.config.yaml:4:14: ignore[0].expires: must be a date YYYY-MM-DD, not '2026/03/01'",
    )
    expect(errorOf(ignore('2026-02-30'))).toBe(
      "rollsafe.config.yaml:4:14: ignore[0].expires: '2026-02-30' is not a real date",
    )
    expect(errorOf('rules:\n  Column_Dropped: off\n')).toBe(
      "rollsafe.config.yaml:2:3: rules: 'Column_Dropped' is not a rule id (kebab-case, like 'column-dropped')",
    )
    const knownRule = (id: string): boolean => id === 'column-dropped'
    expect(errorOf('rules:\n  column-dropped: off\n  colum-dropped: info\n', { knownRule })).toBe(
      "rollsafe.config.yaml:3:3: rules: unknown rule 'colum-dropped'; `rollsafe rules` lists them",
    )
    expect(errorOf('ignore:\n  - rule: table-dropped\n    reason: r\n', { knownRule })).toBe(
      "rollsafe.config.yaml:2:11: ignore[0].rule: unknown rule 'table-dropped'; `rollsafe rules` lists them",
    )
  })

  it('reports YAML and JSON syntax errors, duplicate keys and empty files with their place', () => {
    expect(errorOf('api: [a.yaml\nfailOn: error\n')).toBe(
      'rollsafe.config.yaml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    )
    expect(errorOf('api: [a.yaml]\napi: [b.yaml]\n')).toBe('rollsafe.config.yaml:2:1: Map keys must be unique')
    expect(errorOf('{ "api": ["a.json"], }', {}, 'json')).toBe(
      'rollsafe.config.json:1:22: Expected double-quoted property name',
    )
    expect(errorOf('# nothing yet\n')).toBe(
      'rollsafe.config.yaml:1:1: the config is empty: write at least `api:` or `migrations:`',
    )
    expect(errorOf('- api\n')).toBe('rollsafe.config.yaml:1:1: must be an object (key: value pairs), not ["api"]')
  })

  it('says when the file is missing', () => {
    expect(() => loadConfig(join(dir, 'absent.yaml'), { name: 'absent.yaml' })).toThrow(
      'absent.yaml: no such config file',
    )
  })
})

describe('the shipped JSON Schema', () => {
  it('lists the same migration layouts as the code', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/rollsafe.config.schema.json', import.meta.url), 'utf8'),
    )
    const layout = schema.definitions.migrationSource.anyOf[1].properties.layout
    expect(layout.enum).toEqual([...migrationLayouts])
  })
})
