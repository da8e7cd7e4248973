#!/usr/bin/env node
// `npm run demo`: rollsafe on the bundled petstore, with no server — the API and the database
// checked together, the locks observed on the embedded PGlite database, and the expand/contract
// plan for the rename, verified there. The findings are the point, so exit codes 0 and 1 are fine.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'demo', 'out')
const steps = [
  ['Can v2 run next to v1? API and database together', ['check', '--config', 'demo/rollsafe.config.yaml']],
  ['The migration traced on PGlite: locks observed, not guessed', ['db', '--trace', '--history', 'demo/schema.sql', 'demo/migrations/002_rename_owner.sql', '--fail-on', 'never']],
  ['An expand/contract plan for the rename, verified on PGlite', ['plan', 'demo/migrations/002_rename_owner.sql', '--history', 'demo/schema.sql', '--out', 'demo/out/plan', '--verify']],
  ['A translation layer that keeps v1 clients working on v2', ['adapter', 'demo/petstore-v1.yaml', 'demo/petstore-v2.yaml', '--out', 'demo/out/adapter']],
]

rmSync(out, { recursive: true, force: true })
let worst = 0
for (const [title, args] of steps) {
  process.stdout.write(`\n=== ${title}\n$ rollsafe ${args.join(' ')}\n\n`)
  const { status } = spawnSync(process.execPath, [join(root, 'bin', 'rollsafe.cjs'), ...args], { cwd: root, stdio: 'inherit' })
  if (status !== 0 && status !== 1) worst = status ?? 2
}
process.stdout.write(`\nThe plan and the adapter are in demo/out/ (PLAN.md, ADAPTER.md).\n`)
process.exitCode = worst
