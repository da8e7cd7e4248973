import type { Extension, PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import { InputError } from '../../core/errors.js'
import { initdbCache, type DataDirCache } from './data-dir-cache.js'
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
  /** Where the initdb data directory is cached; `initdbCache()` by default. */
  readonly cache?: DataDirCache
}

function sessionOver(pglite: PGlite): SqlSession {
  let closing: Promise<void> | undefined
  return {
    engine: 'pglite',
    db: new Kysely<unknown>({ dialect: new PGliteDialect(pglite) }),
    async exec(sql: string): Promise<ReadonlyArray<Row>> {
      const results = await pglite.exec(sql)
      return (results[results.length - 1]?.rows ?? []) as ReadonlyArray<Row>
    },
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
export async function openPGliteSession(options: PGliteSessionOptions = {}): Promise<SqlSession> {
  const cache = options.cache ?? initdbCache()
  const extensions: Record<string, Extension> = {}
  for (const name of options.extensions ?? []) extensions[name] = await loadExtension(name)
  const { PGlite } = await import('@electric-sql/pglite')
  const cached = cache.load()
  if (cached !== undefined) {
    try {
      return sessionOver(await PGlite.create({ extensions, loadDataDir: new Blob([cached as Uint8Array<ArrayBuffer>]) }))
    } catch {
      // A damaged cache: boot the slow way below and write it again.
    }
  }
  const pglite = await PGlite.create({ extensions })
  try {
    const dump = await pglite.dumpDataDir('none')
    cache.save(new Uint8Array(await dump.arrayBuffer()))
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
  return sessionOver(pglite)
}
