import type { LockLevel } from '../lock-facts.js'
import { isNoTransactionBlockError, type Row, type SqlSession } from './sql-session.js'

/** A relation lock the statement's transaction held when the statement ended. */
export interface ObservedLock {
  /** `public.users`, `public.users_pkey`. */
  readonly relation: string
  /** pg_class.relkind: `r` table, `p` partitioned, `i` index, `m` materialized view, `v` view, `S` sequence. */
  readonly relkind: string
  /** The strongest mode held on it. */
  readonly level: LockLevel
  /** The statement created the relation (a lock on it blocks nobody). */
  readonly created: boolean
}

/** What running one statement on the shadow database showed. */
export interface Observation {
  /** False for statements PostgreSQL refuses in a transaction (CONCURRENTLY, VACUUM): their locks are gone before they can be read. */
  readonly inTransaction: boolean
  readonly locks: ReadonlyArray<ObservedLock>
  /** Tables and materialized views whose storage was replaced (pg_class.relfilenode changed). */
  readonly rewritten: ReadonlyArray<string>
  /** Indexes rebuilt (relfilenode changed) without being created or dropped. */
  readonly rebuiltIndexes: ReadonlyArray<string>
  /** Relations that existed before the statement (keys), so a missing lock means "none taken". */
  readonly existedBefore: ReadonlySet<string>
}

const lockModes: Readonly<Record<string, LockLevel>> = {
  AccessShareLock: 'ACCESS SHARE',
  RowShareLock: 'ROW SHARE',
  RowExclusiveLock: 'ROW EXCLUSIVE',
  ShareUpdateExclusiveLock: 'SHARE UPDATE EXCLUSIVE',
  ShareLock: 'SHARE',
  ShareRowExclusiveLock: 'SHARE ROW EXCLUSIVE',
  ExclusiveLock: 'EXCLUSIVE',
  AccessExclusiveLock: 'ACCESS EXCLUSIVE',
}
const lockOrder = Object.values(lockModes)

// The user's relations with their storage id, and this backend's relation locks on them. Read in
// the statement's own transaction, before COMMIT releases the locks (eugene's tracer does the same).
// Shipped as one JSON value: a thousand rows one by one would cost PGlite more than the query.
const observeQuery = `
with held as (
  select l.relation, string_agg(l.mode, ',') as modes from pg_locks l
  where l.locktype = 'relation' and l.pid = pg_backend_pid()
    and l.database = (select oid from pg_database where datname = current_database())
  group by l.relation)
select coalesce(json_agg(r), '[]'::json) as relations from (
  select c.oid::text as id, n.nspname || '.' || c.relname as key, c.relkind::text as relkind,
    c.relfilenode::text as storage, held.modes
  from pg_class c join pg_namespace n on n.oid = c.relnamespace left join held on held.relation = c.oid
  where c.relkind in ('r', 'p', 'i', 'I', 'm', 'v', 'S')
    and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema') r`

interface Relation {
  readonly key: string
  readonly relkind: string
  readonly storage: string
  readonly modes: ReadonlyArray<string>
}

function readRelations(result: ReadonlyArray<Row>): Map<string, Relation> {
  const value = result[0]?.['relations']
  const rows = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as ReadonlyArray<Row>
  const relations = new Map<string, Relation>()
  for (const row of rows) {
    const modes = typeof row['modes'] === 'string' ? row['modes'].split(',') : []
    relations.set(String(row['id']), {
      key: String(row['key']),
      relkind: String(row['relkind']),
      storage: String(row['storage']),
      modes,
    })
  }
  return relations
}

function strongestMode(modes: ReadonlyArray<string>): LockLevel | undefined {
  let best: LockLevel | undefined
  for (const mode of modes) {
    const level = lockModes[mode]
    if (level !== undefined && (best === undefined || lockOrder.indexOf(level) > lockOrder.indexOf(best))) best = level
  }
  return best
}

const isIndex = (relkind: string): boolean => relkind === 'i' || relkind === 'I'

function compare(before: ReadonlyMap<string, Relation>, after: ReadonlyMap<string, Relation>, inTransaction: boolean): Observation {
  // ALTER COLUMN TYPE re-creates the indexes on the column under new oids: indexes match by name.
  const indexesBefore = new Map([...before.values()].filter((r) => isIndex(r.relkind)).map((r) => [r.key, r]))
  const locks: ObservedLock[] = []
  const rewritten: string[] = []
  const rebuiltIndexes: string[] = []
  for (const [id, relation] of after) {
    const old = isIndex(relation.relkind) ? indexesBefore.get(relation.key) : before.get(id)
    const level = strongestMode(relation.modes)
    if (level !== undefined) locks.push({ relation: relation.key, relkind: relation.relkind, level, created: old === undefined })
    if (old === undefined || old.storage === relation.storage || relation.storage === '0') continue
    if (isIndex(relation.relkind)) rebuiltIndexes.push(relation.key)
    else if (relation.relkind === 'r' || relation.relkind === 'm') rewritten.push(relation.key)
  }
  const existedBefore = new Set([...before.values()].map((r) => r.key))
  const byRelation = (a: ObservedLock, b: ObservedLock): number => a.relation.localeCompare(b.relation)
  return { inTransaction, locks: locks.sort(byRelation), rewritten: rewritten.sort(), rebuiltIndexes: rebuiltIndexes.sort(), existedBefore }
}

/**
 * Runs checked statements on a shadow database one at a time and reports what each did: the
 * relation locks its transaction held (pg_locks for this backend, read before COMMIT) and the
 * tables and indexes it rewrote (pg_class.relfilenode before and after). A statement PostgreSQL
 * refuses in a transaction block runs on its own; only its rewrites are seen.
 *
 * @example
 * const tracer = new StatementTracer(session)
 * const seen = await tracer.run('alter table users alter column id type bigint')
 * seen.locks // [{ relation: 'public.users', level: 'ACCESS EXCLUSIVE', … }, …]; seen.rewritten // ['public.users']
 */
export class StatementTracer {
  private relations: Map<string, Relation> | undefined

  constructor(private readonly session: SqlSession) {}

  private async snapshot(): Promise<Map<string, Relation>> {
    this.relations ??= readRelations(await this.session.exec(observeQuery))
    return this.relations
  }

  /**
   * Runs `statement`, then `inside` (while its transaction and locks are still open, e.g. to
   * introspect the schema), then commits. Throws PostgreSQL's error when the statement fails.
   */
  async run(statement: string, inside?: () => Promise<void>): Promise<Observation> {
    const before = await this.snapshot()
    this.relations = undefined
    await this.session.exec('begin')
    try {
      await this.session.exec(statement)
    } catch (error) {
      await this.session.exec('rollback')
      if (!isNoTransactionBlockError(error)) throw error
      await this.session.exec(statement)
      await inside?.()
      return compare(before, await this.snapshot(), false)
    }
    try {
      const after = readRelations(await this.session.exec(observeQuery))
      await inside?.()
      await this.session.exec('commit')
      // The locks are gone after COMMIT; the next statement's "before" only needs the storage ids.
      this.relations = new Map([...after].map(([id, r]) => [id, { ...r, modes: [] }]))
      return compare(before, after, true)
    } catch (error) {
      await this.session.exec('rollback').catch(() => {})
      throw error
    }
  }
}
