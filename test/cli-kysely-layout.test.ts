import { describe, expect, it } from 'vitest'
import type { Finding } from '../src/core/finding.js'
import { cliBuilt, projectRoot, runCli } from './helpers/built-cli.js'
import { scratchDir } from './helpers/cli-harness.js'

// The built CLI (a CommonJS bundle) loads a Kysely migration as an ES module it writes to a temporary file.
describe.skipIf(!cliBuilt)('rollsafe db on a Kysely migration folder, through the built CLI', () => {
  const scratch = scratchDir('rollsafe-kysely-cli-')
  const first = scratch.file(
    '001_person.ts',
    `import { Kysely, sql } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('person').addColumn('id', 'bigint', (c) => c.primaryKey()).addColumn('name', 'text').execute()
  await sql\`alter table person add column created timestamptz default now()\`.execute(db)
}
`,
  )
  const second = scratch.file(
    '002_drop_name.ts',
    `import type { Kysely } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').dropColumn('name').execute()
}
`,
  )

  const check = async (...args: string[]): Promise<Finding[]> => {
    const run = await runCli(projectRoot, ['db', ...args, '--format', 'json', '--fail-on', 'never'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    return (JSON.parse(run.stdout) as { findings: Finding[] }).findings
  }

  it('runs each up() of a folder against the recording driver and checks the SQL it compiled', async () => {
    const findings = await check(scratch.dir)
    expect(findings.find((f) => f.rule === 'prefer-bigint-over-int')).toBeUndefined()
    expect(findings.filter((f) => f.rule === 'require-lock-timeout').map((f) => f.location.file)).toEqual([second])
  })

  it('finds what version A loses when the earlier module is history', async () => {
    const dropped = (await check('--history', first, second)).find((f) => f.rule === 'column-dropped')
    expect(dropped?.location.file).toBe(second)
    expect(dropped?.object).toBe('public.person.name')
  })
})
