import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A freshly initialised PGlite data directory, kept as a tarball between runs: booting from it
 * skips `initdb`, about two seconds of every start. The key includes PGlite's version, so an
 * upgrade never loads a directory of another PostgreSQL.
 *
 * `ROLLSAFE_CACHE_DIR` moves the cache; `ROLLSAFE_CACHE_DIR=off` disables it.
 */
export interface DataDirCache {
  load(): Buffer | undefined
  save(tarball: Uint8Array): void
}

export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env['ROLLSAFE_CACHE_DIR']
  if (configured === 'off') return undefined
  if (configured) return configured
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'rollsafe')
}

export function pgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'))
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string }
  return manifest.version ?? 'unknown'
}

/**
 * The cache of the initdb data directory for the installed PGlite. Failures to read or write are
 * not errors: rollsafe then boots the slow way.
 *
 * @example
 * const cache = initdbCache()
 * const tarball = cache.load() // undefined on the first run
 */
export function initdbCache(directory = cacheDirectory()): DataDirCache {
  if (directory === undefined) return { load: () => undefined, save: () => {} }
  const file = join(directory, `pglite-${pgliteVersion()}-initdb.tar`)
  return {
    load() {
      try {
        return readFileSync(file)
      } catch {
        return undefined
      }
    },
    save(tarball) {
      // Written aside and renamed, so a concurrent run never reads half a file.
      const partial = `${file}.${process.pid}.partial`
      try {
        mkdirSync(directory, { recursive: true })
        writeFileSync(partial, tarball)
        renameSync(partial, file)
      } catch {
        rmSync(partial, { force: true })
      }
    },
  }
}
