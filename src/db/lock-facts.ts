/**
 * Which lock each DDL action takes, whether it rewrites or scans the table, per PostgreSQL version.
 * Source: the PostgreSQL docs (sql-altertable.html Description/Notes, explicit-locking.html,
 * sql-createindex.html, sql-reindex.html, ddl-partitioning.html), as collected in
 * shared/research/migrations.md section g.
 */

/** PostgreSQL table lock modes, weakest first. */
export const lockLevels = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const

export type LockLevel = (typeof lockLevels)[number]

export function lockRank(level: LockLevel | undefined): number {
  return level === undefined ? -1 : lockLevels.indexOf(level)
}

/** SHARE and stronger conflict with ROW EXCLUSIVE: INSERT/UPDATE/DELETE wait. */
export function blocksWrites(level: LockLevel | undefined): boolean {
  return lockRank(level) >= lockRank('SHARE')
}

/** Only ACCESS EXCLUSIVE conflicts with ACCESS SHARE: even SELECT waits. */
export function blocksReads(level: LockLevel | undefined): boolean {
  return level === 'ACCESS EXCLUSIVE'
}

export interface LockFacts {
  readonly action: LockAction
  /** The table (or index, view) the lock is on: `public.users`. */
  readonly table?: string
  /** Undefined when the statement takes no table lock. */
  readonly level?: LockLevel
  /** The table (and its indexes) is rewritten while the lock is held. */
  readonly rewrite: boolean
  /** Every row is read while the lock is held (validation, index build). */
  readonly scan: boolean
  /** A condition the fact depends on, for messages: `unless the session TimeZone is UTC`. */
  readonly note?: string
  /** Seen on a shadow database (`--trace`: pg_locks, relfilenode) rather than taken from this table. */
  readonly observed?: boolean
}

type Fact = Omit<LockFacts, 'action' | 'table'>
const AEL = 'ACCESS EXCLUSIVE'
const brief = (level: LockLevel | undefined): Fact => ({ level, rewrite: false, scan: false })
const scan = (level: LockLevel): Fact => ({ level, rewrite: false, scan: true })
const rewrite = (level: LockLevel): Fact => ({ level, rewrite: true, scan: true })

/** Every action rollsafe classifies; the table below must cover each (exhaustive by type). */
export type LockAction =
  | 'none' | 'read' | 'write' | 'create-table' | 'drop-table' | 'rename-table' | 'truncate'
  | 'add-column' | 'add-column-default' | 'add-column-volatile-default' | 'add-column-stored-generated'
  | 'add-column-virtual-generated' | 'drop-column' | 'rename-column' | 'set-default' | 'drop-default'
  | 'drop-not-null' | 'set-not-null' | 'set-not-null-proven' | 'type-change-binary' | 'type-change-rewrite'
  | 'type-change-timestamptz' | 'add-check' | 'add-check-not-valid' | 'add-foreign-key'
  | 'add-foreign-key-not-valid' | 'foreign-key-referenced' | 'validate-constraint' | 'add-unique-or-primary-key'
  | 'add-constraint-using-index' | 'add-exclude' | 'drop-constraint' | 'rename-constraint' | 'create-index'
  | 'create-index-concurrently' | 'drop-index' | 'drop-index-concurrently' | 'rename-index' | 'reindex'
  | 'reindex-concurrently' | 'attach-partition' | 'attach-partition-child' | 'detach-partition'
  | 'detach-partition-concurrently' | 'rewrite-table' | 'set-storage-options' | 'create-trigger'
  | 'enable-disable-trigger' | 'alter-table-other' | 'refresh-materialized-view'
  | 'refresh-materialized-view-concurrently' | 'drop-view' | 'replace-view' | 'lock-table'
  | 'enum-add-value'

const facts: Record<LockAction, (pg: number) => Fact> = {
  none: () => brief(undefined),
  read: () => brief('ACCESS SHARE'),
  write: () => scan('ROW EXCLUSIVE'),
  'create-table': () => brief(undefined),
  'drop-table': () => brief(AEL),
  'rename-table': () => brief(AEL),
  truncate: () => brief(AEL),
  'add-column': () => brief(AEL),
  // PG11 stores a non-volatile default in the catalog (ddl-alter.html tip); before, every default rewrote.
  'add-column-default': (pg) => (pg >= 11 ? brief(AEL) : rewrite(AEL)),
  'add-column-volatile-default': () => rewrite(AEL),
  'add-column-stored-generated': () => rewrite(AEL),
  'add-column-virtual-generated': () => brief(AEL),
  'drop-column': () => brief(AEL),
  'rename-column': () => brief(AEL),
  'set-default': () => brief(AEL),
  'drop-default': () => brief(AEL),
  'drop-not-null': () => brief(AEL),
  'set-not-null': () => scan(AEL),
  // PG12 skips the scan when a valid CHECK (c IS NOT NULL) proves it.
  'set-not-null-proven': (pg) => (pg >= 12 ? brief(AEL) : scan(AEL)),
  'type-change-binary': () => brief(AEL),
  'type-change-rewrite': () => rewrite(AEL),
  'type-change-timestamptz': (pg) =>
    pg >= 12 ? { ...brief(AEL), note: 'rewrites unless the session TimeZone is UTC' } : rewrite(AEL),
  'add-check': () => scan(AEL),
  'add-check-not-valid': () => brief(AEL),
  'add-foreign-key': () => scan('SHARE ROW EXCLUSIVE'),
  'add-foreign-key-not-valid': () => brief('SHARE ROW EXCLUSIVE'),
  'foreign-key-referenced': () => brief('SHARE ROW EXCLUSIVE'),
  'validate-constraint': () => scan('SHARE UPDATE EXCLUSIVE'),
  'add-unique-or-primary-key': () => scan(AEL),
  'add-constraint-using-index': () => brief(AEL),
  'add-exclude': () => scan(AEL),
  'drop-constraint': () => brief(AEL),
  'rename-constraint': () => brief(AEL),
  'create-index': () => scan('SHARE'),
  'create-index-concurrently': () => scan('SHARE UPDATE EXCLUSIVE'),
  'drop-index': () => brief(AEL),
  'drop-index-concurrently': () => brief('SHARE UPDATE EXCLUSIVE'),
  // ALTER INDEX RENAME takes SHARE UPDATE EXCLUSIVE since PG12.
  'rename-index': (pg) => brief(pg >= 12 ? 'SHARE UPDATE EXCLUSIVE' : AEL),
  reindex: () => scan('SHARE'),
  'reindex-concurrently': () => scan('SHARE UPDATE EXCLUSIVE'),
  // PG12 lowered ATTACH PARTITION on the parent to SHARE UPDATE EXCLUSIVE.
  'attach-partition': (pg) => brief(pg >= 12 ? 'SHARE UPDATE EXCLUSIVE' : AEL),
  'attach-partition-child': () => scan(AEL),
  'detach-partition': () => brief(AEL),
  'detach-partition-concurrently': (pg) => brief(pg >= 14 ? 'SHARE UPDATE EXCLUSIVE' : AEL),
  'rewrite-table': () => rewrite(AEL),
  'set-storage-options': () => brief('SHARE UPDATE EXCLUSIVE'),
  'create-trigger': () => brief('SHARE ROW EXCLUSIVE'),
  'enable-disable-trigger': () => brief('SHARE ROW EXCLUSIVE'),
  'alter-table-other': () => brief(AEL),
  'refresh-materialized-view': () => scan(AEL),
  'refresh-materialized-view-concurrently': () => scan('EXCLUSIVE'),
  'drop-view': () => brief(AEL),
  'replace-view': () => brief(AEL),
  'lock-table': () => brief(AEL),
  // ALTER TYPE … ADD VALUE locks only the type, never a table.
  'enum-add-value': () => brief(undefined),
}

/**
 * The facts for one action on one table under a PostgreSQL major version.
 *
 * @example
 * lockFacts('add-column-default', 10, 'public.users') // { level: 'ACCESS EXCLUSIVE', rewrite: true, … }
 */
export function lockFacts(action: LockAction, pgVersion: number, table?: string): LockFacts {
  return { action, ...(table === undefined ? {} : { table }), ...facts[action](pgVersion) }
}

/** The strongest of several facts (highest level; any rewrite or scan carries over). */
export function strongest(all: ReadonlyArray<LockFacts>): LockFacts | undefined {
  let best: LockFacts | undefined
  for (const f of all) if (best === undefined || lockRank(f.level) > lockRank(best.level)) best = f
  if (best === undefined) return undefined
  const same = all.filter((f) => f.table === best.table)
  return { ...best, rewrite: same.some((f) => f.rewrite), scan: same.some((f) => f.scan) }
}
