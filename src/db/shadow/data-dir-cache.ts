import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { cacheDirectory } from '../../core/cache-directory.js'

/**
 * PGlite data directories kept as tarballs between runs: the freshly initialised one (booting
 * from it skips initdb, about two seconds) and the state after a history (booting from it skips
 * replaying migrations that have not changed). File names include PGlite's version, so an upgrade
 * never loads a directory of another PostgreSQL.
 *
 * `ROLLSAFE_CACHE_DIR` moves the cache; `ROLLSAFE_CACHE_DIR=off` disables it. Failures to read or
 * write are never errors: rollsafe then does the work again.
 */
export interface DataDirCache {
  load(key: string): Buffer | undefined
  has(key: string): boolean
  save(key: string, tarball: Uint8Array): void
  /** Removes all but the `keep` most recently written entries whose key starts with `prefix`. */
  prune(prefix: string, keep: number): void
}

/** The installed PGlite's version, read from its package.json: part of every cache file name. */
export function pgliteVersion(): string {
  // createRequire, not import.meta.resolve: the CLI bundle is CommonJS (scripts/bundle.mjs).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version?: string }
  return manifest.version ?? 'unknown'
}

const noCache: DataDirCache = { load: () => undefined, has: () => false, save: () => {}, prune: () => {} }

/**
 * The data directory cache for the installed PGlite.
 *
 * @example
 * const cache = dataDirCache()
 * const tarball = cache.load('initdb') // undefined on the first run
 */
export function dataDirCache(directory = cacheDirectory()): DataDirCache {
  if (directory === undefined) return noCache
  const prefix = `pglite-${pgliteVersion()}-`
  const fileOf = (key: string): string => join(directory, `${prefix}${key}.tar`)
  return {
    load(key) {
      try {
        return readFileSync(fileOf(key))
      } catch {
        return undefined
      }
    },
    has(key) {
      try {
        return statSync(fileOf(key)).isFile()
      } catch {
        return false
      }
    },
    save(key, tarball) {
      // Written aside and renamed, so a concurrent run never reads half a file.
      const partial = `${fileOf(key)}.${process.pid}.partial`
      try {
        mkdirSync(directory, { recursive: true })
        writeFileSync(partial, tarball)
        renameSync(partial, fileOf(key))
      } catch {
        rmSync(partial, { force: true })
      }
    },
    prune(keyPrefix, keep) {
      try {
        const entries = readdirSync(directory)
          .filter((name) => name.startsWith(`${prefix}${keyPrefix}`) && name.endsWith('.tar'))
          .map((name) => ({ name, time: statSync(join(directory, name)).mtimeMs }))
          .sort((a, b) => b.time - a.time)
        for (const old of entries.slice(keep)) rmSync(join(directory, old.name), { force: true })
      } catch {
        // Nothing to prune, or no permission: harmless.
      }
    },
  }
}
