import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Module from 'node:module'
import { basename, dirname, join } from 'node:path'
import { Script } from 'node:vm'

type Compile = (this: { exports: unknown }, content: string, filename: string) => unknown

const cacheName = (file: string): string => `${basename(file)}.v8`

/** Counts the runs that refreshed the caches since they were last written from scratch. */
const refreshCounter = 'refreshes'

function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

function writeAtomically(file: string, data: Uint8Array | string): void {
  const temporary = `${file}.${process.pid}`
  writeFileSync(temporary, data)
  renameSync(temporary, file)
}

/** One script compiled through the cache: the cache file and the size of the cache it was given. */
interface Compiled {
  readonly script: Script
  readonly file: string
  /** Bytes of the accepted cache; undefined when there was none or V8 rejected it. */
  readonly cachedBytes: number | undefined
}

/** What `enableCompileCache` set up. */
export interface CompileCache {
  /** The files whose code came from the cache (V8 accepted it). */
  readonly reused: ReadonlyArray<string>
  /**
   * Writes the caches that were missing or rejected, with what the run compiled so far; during
   * the first `refreshRuns` runs after that, also the caches this run grew (it compiled functions
   * the cache lacked). Drops the caches of files the code directory no longer has.
   */
  save(): void
  /** Puts Node's own compile back. */
  disable(): void
}

/**
 * Keeps V8's compiled code of the CommonJS files in `codeDirectory` (the CLI bundle) in `cacheDir`
 * between runs, as Node 22's `module.enableCompileCache()` does: a run then skips parsing and
 * compiling the functions earlier runs compiled, 15 to 20 milliseconds of a `rollsafe db` run. Call
 * `save()` when the process exits, after the run compiled what it needed. A cache holds what one run
 * compiled, so the first one after an install or an upgrade (a one-file migration, say) leaves out
 * what larger runs need: the next `refreshRuns` runs add what they compiled, about 3 ms each, and
 * then the cache stays as it is. V8 rejects a cache made by another Node.js version or with other
 * flags, which is then written again. Only CommonJS files are affected (the tsc build in dist/src is
 * ESM and never passes here), and files with `import(` are left alone: a vm.Script cannot run it in
 * Node 20 without a flag.
 *
 * @example
 * const cache = enableCompileCache('/app/dist/bundle', '/home/me/.cache/rollsafe/code-v20.20.2-x64')
 * process.once('exit', () => cache.save())
 */
export function enableCompileCache(codeDirectory: string, cacheDir: string, refreshRuns = 8): CompileCache {
  const prototype = (Module as unknown as { prototype: { _compile: Compile } }).prototype
  const compile = prototype._compile
  const compiled: Compiled[] = []
  const reused: string[] = []
  prototype._compile = function (content, filename) {
    if (dirname(filename) !== codeDirectory || content.includes('import(')) return compile.call(this, content, filename)
    const file = join(cacheDir, cacheName(filename))
    const cachedData = readBytes(file)
    const script = new Script(Module.wrap(content), { filename, ...(cachedData === undefined ? {} : { cachedData }) })
    const accepted = cachedData !== undefined && script.cachedDataRejected !== true
    compiled.push({ script, file, cachedBytes: accepted ? cachedData.length : undefined })
    if (accepted) reused.push(filename)
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown
    const module = this as { exports: unknown }
    return wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename))
  }
  return {
    reused,
    save() {
      const scripts = compiled.splice(0)
      if (scripts.length === 0) return
      try {
        const counter = join(cacheDir, refreshCounter)
        const fresh = scripts.some((s) => s.cachedBytes === undefined)
        const refreshes = Number(readBytes(counter)?.toString() ?? 0) || 0
        // A run that writes a missing cache starts the refreshing over; otherwise refresh a few times.
        if (!fresh && refreshes >= refreshRuns) return
        mkdirSync(cacheDir, { recursive: true })
        for (const { script, file, cachedBytes } of scripts) {
          const data = script.createCachedData()
          if (cachedBytes === undefined || data.length > cachedBytes) writeAtomically(file, data)
        }
        writeAtomically(counter, String(fresh ? 0 : refreshes + 1))
        const current = new Set(readdirSync(codeDirectory).map(cacheName))
        for (const name of readdirSync(cacheDir)) if (name.endsWith('.v8') && !current.has(name)) rmSync(join(cacheDir, name), { force: true })
      } catch {
        // A cache that cannot be written costs the next run its compile time, nothing else.
      }
    },
    disable() {
      prototype._compile = compile
    },
  }
}
