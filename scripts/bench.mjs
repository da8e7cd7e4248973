#!/usr/bin/env node
// `npm run bench`: median wall time and peak memory of whole rollsafe processes over the corpus in
// ../shared/corpus, side by side with the tools rollsafe is measured against. Not a test: it asserts
// nothing, it reports. Usage: node scripts/bench.mjs [--runs N] [--only NAME,...] [--skip-others]
// [--api-only | --db-only] (--db-only includes the --trace replay of trigger-dev: scripts/bench-trace.mjs)
// [--no-trace] [--baseline ENTRY] (ENTRY: another build's CLI entry, e.g. a copy of an older
// dist/bundle with a two-line run.cjs, measured in the same alternation as a column of its own)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchTrace } from './bench-trace.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const corpus = join(root, '..', 'shared', 'corpus')
const cache = join(root, '.cache')
const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const value = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback
}
const runs = Number(value('--runs', '5'))
const only = value('--only', '')
  .split(',')
  .filter(Boolean)
const baseline = value('--baseline', '')
const rssFile = join(tmpdir(), `rollsafe-bench-${process.pid}.rss`)
const hasTime = existsSync('/usr/bin/time')

/** One process: wall milliseconds and peak RSS in MB (from GNU time, when the machine has it). */
function measure(command, commandArgs, env = {}) {
  const argv = hasTime ? ['-f', '%M', '-o', rssFile, command, ...commandArgs] : commandArgs
  const started = process.hrtime.bigint()
  const result = spawnSync(hasTime ? '/usr/bin/time' : command, argv, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const rss = hasTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN
  return { ms, rss, status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function repeat(times, command, commandArgs, env) {
  const samples = []
  for (let i = 0; i < times; i++) samples.push(measure(command, commandArgs, env))
  const last = samples[samples.length - 1]
  return { ms: median(samples.map((s) => s.ms)), rss: Math.max(...samples.map((s) => s.rss)), last }
}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')

function openapiPairs() {
  const pairs = []
  const dir = join(corpus, 'openapi')
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const files = readdirSync(join(dir, name))
      const pick = (side) => {
        const direct = files.find((f) => f.startsWith(`${side}.`))
        if (direct) return join(dir, name, direct)
        const nested = join(dir, name, side)
        const rootFile = existsSync(nested) && readdirSync(nested).find((f) => /\.(ya?ml|json)$/.test(f) && !f.includes('/'))
        return rootFile ? join(nested, rootFile) : undefined
      }
      const [oldFile, newFile] = [pick('old'), pick('new')]
      if (oldFile && newFile) pairs.push({ name, oldFile, newFile })
    }
  } else console.warn(`bench: ${dir} is absent; corpus pairs skipped`)
  const ghes = ghesPair()
  if (ghes) pairs.push(ghes)
  return pairs.filter((p) => only.length === 0 || only.includes(p.name))
}

/** GitHub Enterprise Server 3.18 → 3.19 from the npm package @octokit/openapi@23.0.2, cached. */
function ghesPair() {
  const dir = join(cache, 'octokit')
  const generated = join(dir, 'package', 'generated')
  const oldFile = join(generated, 'ghes-3.18.json')
  const newFile = join(generated, 'ghes-3.19.json')
  if (!existsSync(newFile)) {
    mkdirSync(dir, { recursive: true })
    const pack = spawnSync('npm', ['pack', '@octokit/openapi@23.0.2', '--silent'], { cwd: dir, encoding: 'utf8' })
    const tarball = pack.stdout.trim().split('\n').pop()
    if (pack.status !== 0 || !tarball) {
      console.warn('bench: could not fetch @octokit/openapi@23.0.2 with npm pack; GHES pair skipped')
      return undefined
    }
    spawnSync('tar', ['xzf', tarball, 'package/generated/ghes-3.18.json', 'package/generated/ghes-3.19.json'], { cwd: dir })
    rmSync(join(dir, tarball), { force: true })
  }
  return { name: 'ghes-3.18-3.19', oldFile, newFile }
}

function benchApi() {
  const withOthers = !flag('--skip-others')
  console.log(`\n## rollsafe api — ${runs} runs each, median wall time, peak RSS (whole process)\n`)
  console.log('| pair | rollsafe ms | rollsafe MB | findings (e/w/i) | api-smart-diff ms | api-smart-diff MB | ratio |')
  console.log('|---|---|---|---|---|---|---|')
  for (const pair of openapiPairs()) {
    const ours = repeat(runs, process.execPath, ['bin/rollsafe.cjs', 'api', pair.oldFile, pair.newFile, '--format', 'json', '--fail-on', 'never'])
    let counts = 'error'
    if (ours.last.status === 0) {
      const s = JSON.parse(ours.last.stdout).summary
      counts = `${s.error}/${s.warning}/${s.info}`
    } else counts = `exit ${ours.last.status}: ${ours.last.stderr.trim().split('\n')[0]}`
    let theirs = { ms: NaN, rss: NaN }
    const heavy = pair.name === 'stripe' || pair.name.startsWith('ghes') || pair.name === 'digitalocean'
    if (withOthers && (heavy || flag('--all-others')) && pair.name !== 'digitalocean') {
      theirs = repeat(Math.min(runs, 3), process.execPath, ['--max-old-space-size=8192', 'scripts/api-smart-diff-run.mjs', pair.oldFile, pair.newFile])
    }
    const ratio = Number.isFinite(theirs.ms) ? `${fmt(theirs.ms / ours.ms, 1)}× faster` : ''
    console.log(`| ${pair.name} | ${fmt(ours.ms)} | ${fmt(ours.rss)} | ${counts} | ${fmt(theirs.ms)} | ${fmt(theirs.rss)} | ${ratio} |`)
  }
}

/** Every .sql file of a corpus migration set, in application order (temporal: ORDER.txt, then the rest). */
function migrationSetFiles(set) {
  const dir = join(corpus, 'migrations', set)
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.sql') ? [join(d, e.name)] : []))
  const all = walk(dir).sort()
  const orderFile = join(dir, 'ORDER.txt')
  if (!existsSync(orderFile)) return all
  const listed = readFileSync(orderFile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => join(dir, l.split(/\s+/)[0]))
  return [...listed.filter((f) => all.includes(f)), ...all.filter((f) => !listed.includes(f))]
}

/** Runs both tools alternately, `runs` times each; min and median wall ms, user+system CPU ms of the median run. */
function sideBySide(commands) {
  const samples = commands.map(() => [])
  for (let i = 0; i < runs; i++) {
    commands.forEach(([command, commandArgs], k) => {
      const started = process.hrtime.bigint()
      const result = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', rssFile, command, ...commandArgs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 })
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const [user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
      samples[k].push({ ms, cpu: (user + system) * 1000, status: result.status, stderr: result.stderr })
    })
  }
  return samples.map((s) => ({ min: Math.min(...s.map((x) => x.ms)), median: median(s.map((x) => x.ms)), cpu: median(s.map((x) => x.cpu)), last: s[s.length - 1] }))
}

/**
 * squawk-cli@2.66.0, installed once into .cache/squawk (not a devDependency: the registry serves its
 * binary for this platform only, and a lock file without the others makes `npm ci` refuse).
 */
function installSquawk() {
  const prefix = join(cache, 'squawk')
  const shim = join(prefix, 'node_modules', '.bin', 'squawk')
  if (!existsSync(shim)) {
    mkdirSync(prefix, { recursive: true })
    const args = ['install', '--prefix', prefix, '--no-package-lock', '--no-save', '--no-audit', '--no-fund', 'squawk-cli@2.66.0']
    spawnSync('npm', args, { cwd: prefix, stdio: 'ignore' })
  }
  const binary = join(prefix, 'node_modules', '@squawk-cli', `${process.platform}-${process.arch}`, 'bin', 'squawk')
  return { shim, binary }
}

function benchDb() {
  const { shim, binary } = installSquawk()
  if (!existsSync(shim) || !existsSync(binary)) return console.warn('bench: could not install squawk-cli@2.66.0 into .cache/squawk; db bench skipped')
  const sets = existsSync(join(corpus, 'migrations')) ? readdirSync(join(corpus, 'migrations')).sort() : []
  if (sets.length === 0) return console.warn('bench: ../shared/corpus/migrations is absent; db bench skipped')
  console.log(`\n## rollsafe db (static) vs squawk — same .sql files, one process per set, ${runs} alternating runs, wall ms (min / median) and user+system CPU ms (median)\n`)
  const base = baseline === '' ? '' : ' baseline | CPU |'
  console.log(`| set | files |${base} rollsafe | CPU | squawk (npm bin) | CPU | squawk (native binary) | CPU | squawk npm / rollsafe (wall) |`)
  console.log(`|---|---|${baseline === '' ? '' : '---|---|'}---|---|---|---|---|---|---|`)
  const total = { ours: 0, shim: 0, native: 0, base: 0, oursCpu: 0, shimCpu: 0, nativeCpu: 0, baseCpu: 0 }
  for (const set of sets.filter((s) => only.length === 0 || only.includes(s))) {
    const files = migrationSetFiles(set)
    // Both tools print their default report (text), as a person running them would see it.
    const args = ['db', ...files, '--var', 'Namespace=auth', '--fail-on', 'never']
    const [ours, viaNpm, native, before] = sideBySide([
      [process.execPath, ['bin/rollsafe.cjs', ...args]],
      [shim, files],
      [binary, files],
      ...(baseline === '' ? [] : [[process.execPath, [baseline, ...args]]]),
    ])
    if (ours.last.status !== 0) console.warn(`bench: rollsafe db ${set} exited ${ours.last.status}: ${ours.last.stderr.trim().split('\n')[0]}`)
    total.ours += ours.median
    total.shim += viaNpm.median
    total.native += native.median
    total.oursCpu += ours.cpu
    total.shimCpu += viaNpm.cpu
    total.nativeCpu += native.cpu
    if (before !== undefined) {
      total.base += before.median
      total.baseCpu += before.cpu
    }
    const cell = (r) => `${fmt(r.min)} / ${fmt(r.median)}`
    const baseCells = before === undefined ? '' : ` ${cell(before)} | ${fmt(before.cpu)} |`
    console.log(`| ${set} | ${files.length} |${baseCells} ${cell(ours)} | ${fmt(ours.cpu)} | ${cell(viaNpm)} | ${fmt(viaNpm.cpu)} | ${cell(native)} | ${fmt(native.cpu)} | ${fmt(viaNpm.median / ours.median, 2)} |`)
  }
  const baseTotal = baseline === '' ? '' : ` ${fmt(total.base)} | ${fmt(total.baseCpu)} |`
  console.log(`| **total (medians)** | |${baseTotal} ${fmt(total.ours)} | ${fmt(total.oursCpu)} | ${fmt(total.shim)} | ${fmt(total.shimCpu)} | ${fmt(total.native)} | ${fmt(total.nativeCpu)} | ${fmt(total.shim / total.ours, 2)} (vs native: ${fmt(total.native / total.ours, 2)}) |`)
}

if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) {
  console.error('bench: build first (npm run build)')
  process.exit(2)
}
console.log(`rollsafe bench — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`)
if (!flag('--db-only')) benchApi()
if (!flag('--api-only')) benchDb()
if (!flag('--api-only') && !flag('--no-trace') && (only.length === 0 || only.includes('trigger-dev'))) benchTrace({ runs: Math.min(runs, 3) })
rmSync(rssFile, { force: true })
