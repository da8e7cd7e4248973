import type { Extension, PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import { InputError } from '../../core/errors.js'
import { dataDirCache, type DataDirCache } from './data-dir-cache.js'
import { PGliteDialect } from './pglite-dialect.js'
import type { Row, SqlSession } from './sql-session.js'

/** Extensions PGlite builds in (no bundle to load). */
const builtIn = new Set(['plpgsql'])

/**
 * The extensions a set of SQL texts creates, as PGlite names its contrib modules
 * (`uuid-ossp` → `uuid_ossp`). A regular expression is enough here: a false hit only loads a
 * bundle that goes unused.
 *
 * @example
 * extensionsUsed(['create extension if not exists "uuid-ossp";']) // ['uuid_ossp']
 */
export function extensionsUsed(texts: Iterable<string>): ReadonlyArray<string> {
  const found = new Set<string>()
  const pattern = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?("?)([\w-]+)\1/gi
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const name = (match[2] ?? '').toLowerCase().replaceAll('-', '_')
      if (!builtIn.has(name)) found.add(name)
    }
  }
  return [...found].sort()
}

async function loadExtension(name: string): Promise<Extension> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new InputError(`extension "${name}" is not available in PGlite`)
  try {
    const module = (await import(`@electric-sql/pglite/contrib/${name}`)) as Record<string, Extension | undefined>
    const extension = module[name]
    if (extension !== undefined) return extension
  } catch {
    // fall through to the error below
  }
  throw new InputError(`extension "${name}" is not available in PGlite; use --shadow-url with a server that has it`)
}

export interface PGliteSessionOptions {
  /** Contrib extensions to load (see `extensionsUsed`). */
  readonly extensions?: ReadonlyArray<string>
  /** Where data directories are cached; `dataDirCache()` by default. */
  readonly cache?: DataDirCache
  /** A data directory tarball to start from (a cached history state) instead of an empty database. */
  readonly dataDir?: Uint8Array
}

/** The layout of the data directories rollsafe makes (1 MB WAL segments): part of every cache key. */
export const dataDirFormat = 'wal1m'
const initdbKey = `initdb-${dataDirFormat}`

/** A PGlite session can also hand out its data directory, for the history cache. */
export interface PGliteSession extends SqlSession {
  readonly engine: 'pglite'
  /** The data directory as a tarball (checkpointed first). */
  snapshot(): Promise<Uint8Array>
}

function sessionOver(pglite: PGlite): PGliteSession {
  let closing: Promise<void> | undefined
  return {
    engine: 'pglite',
    db: new Kysely<unknown>({ dialect: new PGliteDialect(pglite) }),
    async exec(sql: string): Promise<ReadonlyArray<Row>> {
      const results = await pglite.exec(sql)
      return (results[results.length - 1]?.rows ?? []) as ReadonlyArray<Row>
    },
    snapshot: () => dumpDataDir(pglite),
    close() {
      closing ??= pglite.closed ? Promise.resolve() : pglite.close()
      return closing
    },
  }
}

/**
 * Boots an embedded PostgreSQL (PGlite, in this process, in memory) as a shadow database.
 * The first boot runs initdb and caches the result; later boots load that data directory.
 * Close the session when done: an open PGlite keeps the process alive.
 *
 * @example
 * const session = await openPGliteSession({ extensions: extensionsUsed(texts) })
 * try { await session.exec('create table t (a int)') } finally { await session.close() }
 */
export async function openPGliteSession(options: PGliteSessionOptions = {}): Promise<PGliteSession> {
  const cache = options.cache ?? dataDirCache()
  const extensions: Record<string, Extension> = {}
  for (const name of options.extensions ?? []) extensions[name] = await loadExtension(name)
  const { PGlite } = await import('@electric-sql/pglite')
  // 1 MB WAL segments, none kept for reuse: a cached data directory carries 1 MB of WAL instead of
  // two or three 16 MB segments, and loads that much faster.
  const startParams = [...PGlite.defaultStartParams, '-c', 'min_wal_size=2MB', '-c', 'wal_recycle=off']
  const boot = async (dataDir: Uint8Array) =>
    sessionOver(await PGlite.create({ extensions, startParams, loadDataDir: new Blob([dataDir as Uint8Array<ArrayBuffer>]) }))
  // A given state must load (the caller relies on what is in it); a cached initdb may be damaged.
  if (options.dataDir !== undefined) return boot(options.dataDir)
  const initdb = cache.load(initdbKey)
  if (initdb !== undefined) {
    try {
      return await boot(initdb)
    } catch {
      // Boot the slow way below and cache a fresh initdb.
    }
  }
  const pglite = await PGlite.create({ extensions, startParams, initDbStartParams: ['--wal-segsize=1'] })
  try {
    cache.save(initdbKey, await dumpDataDir(pglite))
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
  return sessionOver(pglite)
}

/** The data directory of a running PGlite as a tarball, checkpointed first so it loads without recovery. */
export async function dumpDataDir(pglite: Pick<PGlite, 'exec' | 'dumpDataDir'>): Promise<Uint8Array> {
  await pglite.exec('checkpoint')
  const dump = await pglite.dumpDataDir('none')
  return new Uint8Array(await dump.arrayBuffer())
}
