import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { queryServer, serverReachable, serverUrl } from './helpers/postgres-server.js'
import { cliBin as bin, cliBuilt as built } from './helpers/built-cli.js'

// The CLI as users run it (the built bin/rollsafe.cjs): --trace must print its report and the
// process must end by itself, which it only does once PGlite (or the scratch database) is closed.
if (!built) console.warn('CLI --trace tests skipped: run `npm run build` first (npm test does)')

const dir = mkdtempSync(join(tmpdir(), 'rollsafe-trace-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

interface Run {
  readonly pid: number
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the CLI and resolves when the process has exited on its own. */
function rollsafe(args: ReadonlyArray<string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code) => resolve({ pid: child.pid ?? 0, code, stdout, stderr }))
  })
}

const findings = (run: Run) => (JSON.parse(run.stdout) as { findings: Array<{ rule: string; message: string; location: { line: number } }> }).findings

const schema = file('schema.sql', 'create table users (id int primary key, email varchar(100) not null);\n')
const migration = file(
  '001_widen.sql',
  "set lock_timeout = '2s';\nalter table users alter column email type varchar(200);\nalter table users alter column id type bigint;\n",
)

describe.skipIf(!built)('rollsafe db --trace', () => {
  it('reports observed locks and rewrites from PGlite and exits on its own', async () => {
    const run = await rollsafe(['db', '--trace', '--schema', schema, migration, '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const rewritten = findings(run).filter((f) => f.rule === 'table-rewritten')
    expect(rewritten.map((f) => [f.location.line, f.message])).toEqual([
      [3, 'column `public.users.id` changed to `bigint`: takes ACCESS EXCLUSIVE on `public.users` and rewrites the table (observed)'],
    ])
  })

  it('refuses --shadow-url without --trace, and --schema with --database-url', async () => {
    const lone = await rollsafe(['db', '--shadow-url', serverUrl, migration])
    expect([lone.code, lone.stderr]).toEqual([2, 'rollsafe: --shadow-url goes with --trace\n'])
    const both = await rollsafe(['db', '--schema', schema, '--database-url', serverUrl, migration])
    expect([both.code, both.stderr]).toEqual([2, 'rollsafe: give either --schema or --database-url, not both\n'])
  })

  it('names an unreachable --database-url without its password', async () => {
    const run = await rollsafe(['db', '--database-url', 'postgres://app:hunter2@127.0.0.1:1/prod', migration])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('postgres://app:***@127.0.0.1:1/prod')
    expect(run.stderr).not.toContain('hunter2')
  })
})

const reachable = built && (await serverReachable())

describe.skipIf(!reachable)('rollsafe db --trace --shadow-url', () => {
  it('traces on a scratch database of its own and drops it before exiting', async () => {
    const run = await rollsafe(['db', '--trace', '--shadow-url', serverUrl, '--schema', schema, migration, '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(findings(run).some((f) => f.rule === 'table-rewritten' && f.message.endsWith('(observed)'))).toBe(true)
    // Scratch databases are named after the process that made them.
    expect(await queryServer(`select datname from pg_database where datname like 'rollsafe_shadow_${run.pid}_%'`)).toEqual([])
  })
})
