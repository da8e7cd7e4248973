#!/usr/bin/env node
// `rollsafe db --trace` over trigger-dev's 820 Prisma migrations on PGlite: the history is replayed on
// the shadow database and the newest migration is traced. Wall time of the whole process (boot,
// replay, trace, report, exit) in three cache states. Run alone (node scripts/bench-trace.mjs
// [--runs N]) or from scripts/bench.mjs. Reports; asserts nothing.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const set = join(root, '..', 'shared', 'corpus', 'migrations', 'trigger-dev')

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** One CLI run with the given cache directory: wall ms, CPU ms (user + system), exit status. */
function run(args, cacheDir) {
  const timeFile = join(tmpdir(), `rollsafe-bench-trace-${process.pid}.time`)
  const started = process.hrtime.bigint()
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, 'bin/rollsafe.cjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ROLLSAFE_CACHE_DIR: cacheDir },
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  rmSync(timeFile, { force: true })
  if (result.status !== 0) console.warn(`bench: rollsafe exited ${result.status}: ${result.stderr.trim().split('\n')[0]}`)
  return { ms, cpu: (user + system) * 1000 }
}

/**
 * A fresh cache directory holding only what a machine keeps whatever the history: the cached
 * initdb and V8's compiled code of the CLI (both written by any earlier run), if there are some to share.
 */
function initdbOnlyCache(seed) {
  const dir = mkdtempSync(join(tmpdir(), 'rollsafe-bench-cache-'))
  const entries = seed && existsSync(seed) ? readdirSync(seed) : []
  const initdb = entries.find((f) => /-initdb(-[a-z0-9]+)?\.tar$/.test(f))
  if (initdb) linkSync(join(seed, initdb), join(dir, initdb))
  for (const code of entries.filter((f) => f.startsWith('code-'))) cpSync(join(seed, code), join(dir, code), { recursive: true })
  return dir
}

export function benchTrace({ runs = 3 } = {}) {
  if (!existsSync(set)) return console.warn(`bench: ${set} is absent; --trace bench skipped`)
  if (!existsSync('/usr/bin/time')) return console.warn('bench: /usr/bin/time is missing; --trace bench skipped')
  const migrations = readdirSync(set).filter((d) => existsSync(join(set, d, 'migration.sql'))).sort()
  const last = join(set, migrations[migrations.length - 1], 'migration.sql')
  const args = ['db', '--trace', '--history', set, last, '--format', 'json', '--fail-on', 'never']
  console.log(`\n## rollsafe db --trace — trigger-dev, ${migrations.length} Prisma migrations replayed on PGlite, the newest traced\n`)
  console.log(`command: node bin/rollsafe.cjs ${args.join(' ').replaceAll(join(root, '..'), '..')}\n`)
  console.log('| cache state | runs | wall ms (min / median) | CPU ms (median) |')
  console.log('|---|---|---|---|')
  const row = (label, samples) =>
    console.log(`| ${label} | ${samples.length} | ${Math.min(...samples.map((s) => s.ms)).toFixed(0)} / ${median(samples.map((s) => s.ms)).toFixed(0)} | ${median(samples.map((s) => s.cpu)).toFixed(0)} |`)
  // First run on a machine: initdb, the whole replay, and both written to the cache.
  const empty = []
  for (let i = 0; i < Math.min(runs, 2); i++) {
    const dir = initdbOnlyCache(undefined)
    empty.push(run(args, dir))
    rmSync(dir, { recursive: true, force: true })
  }
  row('empty cache (first run on a machine: initdb + full replay)', empty)
  // The usual CI case after a new migration landed in the history: full replay from a cached initdb
  // (and compiled code), on a machine that ran rollsafe before.
  const seed = initdbOnlyCache(undefined)
  run(['db', '--trace', join(set, migrations[0], 'migration.sql'), '--format', 'json', '--fail-on', 'never'], seed)
  const replay = []
  for (let i = 0; i < runs; i++) {
    const dir = initdbOnlyCache(seed)
    replay.push(run(args, dir))
    rmSync(dir, { recursive: true, force: true })
  }
  row('history not cached (full replay of every migration)', replay)
  // A history seen twice has its state cached; later runs load it and replay nothing.
  const warm = []
  run(args, seed)
  run(args, seed)
  for (let i = 0; i < runs; i++) warm.push(run(args, seed))
  row('history cached (unchanged since the last run)', warm)
  rmSync(seed, { recursive: true, force: true })
  console.log('\n(each state uses a cache directory of its own; the user cache is not touched)')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs')
  benchTrace({ runs: i > 0 ? Number(process.argv[i + 1]) : 3 })
}
