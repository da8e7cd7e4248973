import type { MigrationFile } from '../migration-file.js'

/**
 * A migration folder layout: how to recognise it, which files it applies and in which order, and
 * whether its runner wraps each file in a transaction. One file per layout under src/db/layouts/.
 *
 * @example
 * const layout = detectLayout('prisma/migrations') // prismaLayout
 * const files = await layout.read('prisma/migrations')
 */
export interface MigrationLayout {
  readonly name: string
  /** The runner wraps each file in one transaction. */
  readonly transactional: boolean
  /** Does this folder (its entry names) use the layout? */
  detect(dir: string, entries: ReadonlyArray<string>): boolean
  /** The migrations to apply, in the runner's order. */
  read(dir: string): Promise<ReadonlyArray<MigrationFile>>
}

/** Compares names by their leading number (`2_x` before `10_x`), then as text. */
export function compareNumbered(a: string, b: string): number {
  const na = /^\d+/.exec(a)?.[0]
  const nb = /^\d+/.exec(b)?.[0]
  if (na !== undefined && nb !== undefined && na !== nb) {
    const diff = BigInt(na) - BigInt(nb)
    return diff < 0n ? -1 : 1
  }
  return a < b ? -1 : a > b ? 1 : 0
}
