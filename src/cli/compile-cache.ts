import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Module from 'node:module'
import { basename, dirname, join } from 'node:path'
import { Script } from 'node:vm'

type Compile = (this: { exports: unknown }, content: string, filename: string) => unknown

const cacheName = (file: string): string => `${basename(file)}.v8`

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** Writes each script's code cache; drops the caches of files `codeDirectory` no longer has. */
function saveCaches(scripts: ReadonlyArray<{ readonly script: Script; readonly file: string }>, codeDirectory: string, cacheDir: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true })
    for (const { script, file } of scripts) {
      const temporary = `${file}.${process.pid}`
      writeFileSync(temporary, script.createCachedData())
      renameSync(temporary, file)
    }
    const current = new Set(readdirSync(codeDirectory).map(cacheName))
    for (const name of readdirSync(cacheDir)) if (name.endsWith('.v8') && !current.has(name)) rmSync(join(cacheDir, name), { force: true })
  } catch {
    // A cache that cannot be written costs the next run its compile time, nothing else.
  }
}

/** What `enableCompileCache` set up. */
export interface CompileCache {
  /** The files whose code came from the cache (V8 accepted it). */
  readonly reused: ReadonlyArray<string>
  /** Writes the caches still missing or rejected, with what the run compiled so far. */
  save(): void
  /** Puts Node's own compile back. */
  disable(): void
}

/**
 * Keeps V8's compiled code of the CommonJS files in `codeDirectory` (the CLI bundle) in `cacheDir`
 * between runs, as Node 22's `module.enableCompileCache()` does: a run then skips parsing and
 * compiling the functions an earlier run compiled, about eight milliseconds of a `rollsafe db`
 * run. Call `save()` when the process exits, after the run compiled what it needed; V8 rejects a
 * cache made by another Node.js version or with other flags, which is then rewritten. Only
 * CommonJS files are affected (the tsc build in dist/src is ESM and never passes here), and files
 * with `import(` are left alone: a vm.Script cannot run it in Node 20 without a flag.
 *
 * @example
 * const cache = enableCompileCache('/app/dist/bundle', '/home/me/.cache/rollsafe/code-v20.20.2-x64')
 * process.once('exit', () => cache.save())
 */
export function enableCompileCache(codeDirectory: string, cacheDir: string): CompileCache {
  const prototype = (Module as unknown as { prototype: { _compile: Compile } }).prototype
  const compile = prototype._compile
  const unsaved: Array<{ script: Script; file: string }> = []
  const reused: string[] = []
  prototype._compile = function (content, filename) {
    if (dirname(filename) !== codeDirectory || content.includes('import(')) return compile.call(this, content, filename)
    const file = join(cacheDir, cacheName(filename))
    const cachedData = readCache(file)
    const script = new Script(Module.wrap(content), { filename, ...(cachedData === undefined ? {} : { cachedData }) })
    if (cachedData === undefined || script.cachedDataRejected === true) unsaved.push({ script, file })
    else reused.push(filename)
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown
    const module = this as { exports: unknown }
    return wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename))
  }
  return {
    reused,
    save() {
      if (unsaved.length > 0) saveCaches(unsaved.splice(0), codeDirectory, cacheDir)
    },
    disable() {
      prototype._compile = compile
    },
  }
}
