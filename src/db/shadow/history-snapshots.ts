import { createHash } from 'node:crypto'
import { dataDirCache, type DataDirCache } from './data-dir-cache.js'
import { dataDirFormat, openPGliteSession, type PGliteSession } from './pglite-session.js'
import type { SqlSession } from './sql-session.js'

/** One thing applied to the shadow database before the checked migrations. */
export interface HistoryStep {
  /** Everything that decides what the step does (its SQL, the template values): the cache key. */
  readonly identity: string
  apply(session: SqlSession): Promise<void>
}

/** How many history states are kept (each is a whole data directory, tens of MB). */
const keptStates = 2
/** Fewer steps than this left to replay are not worth writing a new cache entry. */
const worthSaving = 20

/** `history-<hash>` for every prefix of the steps: entry k names the state after steps 0..k. */
export function prefixKeys(steps: ReadonlyArray<HistoryStep>): string[] {
  let chain = dataDirFormat
  return steps.map((step) => {
    chain = createHash('sha256').update(chain).update('\u0000').update(step.identity).digest('hex')
    return `history-${chain.slice(0, 32)}`
  })
}

/** The longest prefix of the steps whose state is cached: its length (0 when none) and tarball. */
function longestCachedPrefix(keys: ReadonlyArray<string>, cache: DataDirCache): { readonly done: number; readonly dataDir?: Uint8Array } {
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!
    if (!cache.has(key)) continue
    const dataDir = cache.load(key)
    if (dataDir !== undefined) return { done: k + 1, dataDir }
  }
  return { done: 0 }
}

export interface ShadowHistoryOptions {
  readonly extensions?: ReadonlyArray<string>
  readonly cache?: DataDirCache
  /** Asked after the steps ran: may this state be cached? */
  readonly cacheable?: () => boolean
}

/**
 * A PGlite shadow database with the history applied. History rarely changes and only grows, so
 * the state after a history is cached once that history (or a shorter one it grew from) has been
 * seen before: later runs load the longest cached prefix of their history and replay only what
 * was added since (a new migration, typically).
 *
 * @example
 * const session = await openShadowWithHistory(files.map((f) => ({ identity: f.text, apply: (s) => applyMigrations(s, [f]) })))
 */
export async function openShadowWithHistory(steps: ReadonlyArray<HistoryStep>, options: ShadowHistoryOptions = {}): Promise<PGliteSession> {
  const cache = options.cache ?? dataDirCache()
  const keys = prefixKeys(steps)
  const extensions = options.extensions === undefined ? {} : { extensions: options.extensions }
  let cached = longestCachedPrefix(keys, cache)
  const session = await openPGliteSession({ cache, ...extensions, ...(cached.dataDir === undefined ? {} : { dataDir: cached.dataDir }) }).catch(() => {
    // A damaged cached state: start from scratch.
    cached = { done: 0 }
    return openPGliteSession({ cache, ...extensions })
  })
  try {
    for (const step of steps.slice(cached.done)) await step.apply(session)
    const last = keys[keys.length - 1]
    if (last !== undefined && steps.length - cached.done >= worthSaving && (options.cacheable?.() ?? true)) {
      // Dumping costs a few hundred ms: pay it when this history, or a shorter one it grew from,
      // was seen before (a repeated run, or CI after a new migration landed), not for a one-off.
      if (keys.some((key) => cache.has(`seen-${key}`))) {
        cache.save(last, await session.snapshot())
        cache.prune('history-', keptStates)
      }
      cache.save(`seen-${last}`, new Uint8Array())
      cache.prune('seen-', 50)
    }
    return session
  } catch (error) {
    await session.close()
    throw error
  }
}
