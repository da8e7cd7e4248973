import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../src/core/finding.js'
import { buildCheckRepo } from './helpers/check-repo.js'
import { validateSarif } from './helpers/sarif-schema.js'
import { cliBuilt, runCli } from './helpers/built-cli.js'

// `rollsafe check --base` end to end, with the built CLI (npm test builds it first) on a scripted
// git repository: see test/helpers/check-repo.ts for what the branch changes.
const built = cliBuilt
if (!built) console.warn('rollsafe check end-to-end tests skipped: run `npx tsc -p tsconfig.build.json` first (npm test does)')


/** What a finding is about, in a form a test can list: rule, file[:line][@revision]. */
const where = (f: Finding) => `${f.rule} ${f.location.file}${f.location.line ? `:${f.location.line}` : ''}${f.location.revision ? `@${f.location.revision}` : ''}`

describe.skipIf(!built)('rollsafe check --base on a git repository', () => {
  let repo: string
  let gitState: string

  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' })

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'rollsafe-check-'))
    buildCheckRepo(repo)
    gitState = git('status', '--porcelain', '--untracked-files=all') + git('rev-parse', 'HEAD')
  })

  afterAll(() => {
    if (repo) rmSync(repo, { recursive: true, force: true })
  })

  it('reports the API break, the locking migration and the edited and deleted migrations, and fails', async () => {
    const run = await runCli(repo, ['check', '--base', 'main', '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const findings = JSON.parse(run.stdout).findings as Finding[]
    const errors = findings.filter((f) => f.severity === 'error').map(where)
    expect(errors).toEqual([
      'migration-edited db/migrations/002_owners.sql:3',
      'migration-deleted db/migrations/003_audit.sql@main',
      'index-created-non-concurrently db/migrations/004_pets_name.sql:3',
      'request-parameter-became-required services/pets/openapi.yaml:7',
      'operation-removed services/pets/openapi.yaml:19@main',
    ])
    // The property removed from the $ref'd file: version A's copy of that file came from git too.
    expect(findings.filter((f) => f.location.file === 'services/pets/schemas/pet.yaml').map(where)).toEqual([
      'response-optional-property-removed services/pets/schemas/pet.yaml:6@main',
    ])
    // Migrations that exist at the base are history, never checked themselves.
    expect(findings.filter((f) => f.location.file.endsWith('001_pets.sql'))).toEqual([])
    expect(findings.find((f) => f.rule === 'migration-edited')?.message).toBe(
      'migration `db/migrations/002_owners.sql` was edited since main: line 3 differs',
    )
  })

  it('names files from the repository root when run from a subdirectory, and leaves the work tree alone', async () => {
    const fromRoot = await runCli(repo, ['check', '--base', 'main', '--format', 'json'])
    const fromSub = await runCli(join(repo, 'services', 'pets'), ['check', '--base', 'main', '--format', 'json'])
    expect(fromSub.code).toBe(1)
    expect(fromSub.stdout).toBe(fromRoot.stdout)
    expect(git('status', '--porcelain', '--untracked-files=all') + git('rev-parse', 'HEAD')).toBe(gitState)
  })

  it('writes SARIF that validates against the SARIF 2.1.0 schema and points at repository paths', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rollsafe-check-out-'))
    try {
      const sarifFile = join(out, 'rollsafe.sarif')
      const run = await runCli(join(repo, 'db'), ['check', '--base', 'main', '--output', sarifFile, '--output', join(out, 'report.md')])
      expect(run.code).toBe(1)
      expect(run.stdout).toContain('since main: FAIL')
      const text = readFileSync(sarifFile, 'utf8')
      expect(validateSarif(text)).toEqual([])
      const results = JSON.parse(text).runs[0].results as ReadonlyArray<{
        ruleId: string
        locations: ReadonlyArray<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>
        properties?: { revision?: string; revisionLine?: number }
      }>
      const removed = results.find((r) => r.ruleId === 'operation-removed')
      expect(removed?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'services/pets/openapi.yaml', uriBaseId: '%SRCROOT%' } })
      expect(removed?.properties).toMatchObject({ revision: 'main', revisionLine: 19 })
      const index = results.find((r) => r.ruleId === 'index-created-non-concurrently')
      expect(index?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('db/migrations/004_pets_name.sql')
      expect(index?.locations[0]?.physicalLocation.region?.startLine).toBe(3)
      expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/^❌ \*\*rollsafe: not safe to roll out\*\*/)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it('applies the config policy, and --fail-on overrides it', async () => {
    const config = join(repo, 'lenient.yaml')
    writeFileSync(
      config,
      [
        'api: [services/pets/openapi.yaml]',
        'migrations: [db/migrations]',
        'rules: { index-created-non-concurrently: warning }',
        'ignore:',
        '  - { rule: migration-edited, object: db/migrations/002_owners.sql, reason: comment-only fix agreed }',
        'failOn: never',
      ].join('\n'),
    )
    try {
      const lenient = await runCli(repo, ['check', '--base', 'main', '--config', config, '--format', 'json'])
      expect(lenient.code).toBe(0)
      const report = JSON.parse(lenient.stdout) as { findings: Finding[]; summary: { ignored: number } }
      expect(report.findings.find((f) => f.rule === 'index-created-non-concurrently')?.severity).toBe('warning')
      expect(report.findings.some((f) => f.rule === 'migration-edited')).toBe(false)
      expect(report.summary.ignored).toBe(1)
      const strict = await runCli(repo, ['check', '--base', 'main', '--config', config, '--fail-on', 'error'])
      expect(strict.code).toBe(1)
    } finally {
      rmSync(config)
    }
  })

  it('without --base compares the config’s explicit { old, new } pair', async () => {
    const config = join(repo, 'pair.json')
    writeFileSync(join(repo, 'v1.yaml'), git('show', 'main:services/pets/openapi.yaml').replace("'schemas/pet.yaml'", "'services/pets/schemas/pet.yaml'"))
    writeFileSync(config, JSON.stringify({ api: [{ old: 'v1.yaml', new: 'services/pets/openapi.yaml' }] }))
    try {
      const run = await runCli(repo, ['check', '--config', config, '--format', 'json'])
      expect(run.code).toBe(1)
      const findings = JSON.parse(run.stdout).findings as Finding[]
      expect(findings.filter((f) => f.severity === 'error').map(where)).toEqual([
        'request-parameter-became-required services/pets/openapi.yaml:7',
        'operation-removed v1.yaml:19',
      ])
    } finally {
      rmSync(config)
      rmSync(join(repo, 'v1.yaml'))
    }
  })

  it('refuses a base that does not exist, with a hint, and exit code 2', async () => {
    const run = await runCli(repo, ['check', '--base', 'origin/nowhere'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^rollsafe: --base origin\/nowhere: no such commit in this repository \(a shallow clone lacks it/)
  })
})
