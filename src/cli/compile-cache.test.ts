import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

// Each load runs in a process of its own, as the CLI does: within one process V8 would reuse its
// in-memory compilation and never read the cache. The module under test is the built one (npm test builds).
const built = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'compile-cache.js')).href
const root = realpathSync(mkdtempSync(join(tmpdir(), 'rollsafe-compile-cache-')))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const code = join(root, 'bundle')
const cacheDir = join(root, 'cache')
mkdirSync(code)
writeFileSync(
  join(code, 'main.cjs'),
  "const helper = require('./helper.cjs')\nexports.answer = helper.twice(21)\nif (process.env.GROW) exports.more = helper.more()\nexports.lazy = require('./lazy.cjs')\n",
)
// `more` is compiled only in runs that call it: a cache made without it lacks it.
writeFileSync(join(code, 'helper.cjs'), 'exports.twice = (n) => n * 2\nexports.more = () => [1, 2, 3].map((n) => n * n).reduce((a, b) => a + b, 0)\n')
writeFileSync(join(code, 'lazy.cjs'), "module.exports = typeof (() => import('node:path'))\n")
const child = join(root, 'load.mjs')
writeFileSync(
  child,
  `import { createRequire } from 'node:module'
import { enableCompileCache } from ${JSON.stringify(built)}
const cache = enableCompileCache(${JSON.stringify(code)}, ${JSON.stringify(cacheDir)}, 2)
const loaded = createRequire(${JSON.stringify(join(code, 'main.cjs'))})('./main.cjs')
cache.save()
console.log(JSON.stringify({ answer: loaded.answer, lazy: loaded.lazy, reused: cache.reused.map((f) => f.split('/').pop()).sort() }))
`,
)

const load = (env: Record<string, string> = {}): { answer: number; lazy: string; reused: string[] } =>
  JSON.parse(execFileSync(process.execPath, [child], { encoding: 'utf8', env: { ...process.env, ...env } }))
const size = (name: string): number => statSync(join(cacheDir, name)).size
const refreshes = (): string => readFileSync(join(cacheDir, 'refreshes'), 'utf8')

describe('enableCompileCache', () => {
  it('runs the files as Node would, writes their code cache, and the next process takes it', () => {
    expect(load()).toEqual({ answer: 42, lazy: 'function', reused: [] })
    // A file holding import( is compiled by Node itself: a vm.Script could not run its import().
    expect(readdirSync(cacheDir).sort()).toEqual(['helper.cjs.v8', 'main.cjs.v8', 'refreshes'])
    expect(refreshes()).toBe('0')
    expect(load()).toEqual({ answer: 42, lazy: 'function', reused: ['helper.cjs', 'main.cjs'] })
  })

  it('adds what later runs compiled during the first refresh runs, then leaves the cache alone', () => {
    expect(refreshes()).toBe('1')
    const before = size('helper.cjs.v8')
    load({ GROW: '1' })
    expect(size('helper.cjs.v8')).toBeGreaterThan(before)
    expect(refreshes()).toBe('2')
    const grown = statSync(join(cacheDir, 'helper.cjs.v8')).mtimeMs
    expect(load({ GROW: '1' }).reused).toEqual(['helper.cjs', 'main.cjs'])
    expect(statSync(join(cacheDir, 'helper.cjs.v8')).mtimeMs).toBe(grown)
    expect(refreshes()).toBe('2')
  })

  it('rewrites a cache V8 rejects, starts refreshing over, and drops the caches of files that are gone', () => {
    writeFileSync(join(cacheDir, 'main.cjs.v8'), 'not a code cache')
    writeFileSync(join(cacheDir, 'old-chunk.cjs.v8'), 'from an earlier build')
    expect(load().reused).toEqual(['helper.cjs'])
    expect(readdirSync(cacheDir).sort()).toEqual(['helper.cjs.v8', 'main.cjs.v8', 'refreshes'])
    expect(refreshes()).toBe('0')
    expect(load().reused).toEqual(['helper.cjs', 'main.cjs'])
  })
})
