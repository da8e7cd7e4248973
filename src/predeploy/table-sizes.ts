import type { SqlSession } from '../db/shadow/sql-session.js'

/** A live table's size, from the catalog (no table is read). */
export interface TableSize {
  /** `pg_class.reltuples`: the planner's row estimate; undefined when the table was never analyzed. */
  readonly rows?: number
  /** `pg_relation_size`: the heap, which a scan reads. */
  readonly tableBytes: number
  /** `pg_total_relation_size`: heap, TOAST and indexes, which a rewrite writes anew. */
  readonly totalBytes: number
}

/**
 * Throughputs the time estimates assume: a rewrite copies the whole relation (heap, TOAST, indexes
 * rebuilt) at about 50 MB/s; a validation scan or an index build reads the heap at about 100 MB/s.
 * Rough figures for a busy production server on SSDs; the estimate says which one it used.
 */
export const assumedThroughput = { rewriteMBps: 50, scanMBps: 100 } as const

/**
 * Every user table's size, keyed `schema.name`; inside the caller's read-only transaction.
 *
 * @example (await readTableSizes(session)).get('public.events') // { rows: 1000000, tableBytes: …, totalBytes: … }
 */
export async function readTableSizes(session: SqlSession): Promise<ReadonlyMap<string, TableSize>> {
  const rows = await session.exec(`select n.nspname as schema, c.relname as name, c.reltuples::float8 as rows,
      pg_relation_size(c.oid)::float8 as table_bytes, pg_total_relation_size(c.oid)::float8 as total_bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'm') and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'`)
  const sizes = new Map<string, TableSize>()
  for (const row of rows) {
    const estimate = Number(row['rows'])
    sizes.set(`${String(row['schema'])}.${String(row['name'])}`, {
      ...(estimate >= 0 ? { rows: estimate } : {}),
      tableBytes: Number(row['table_bytes']),
      totalBytes: Number(row['total_bytes']),
    })
  }
  return sizes
}

/**
 * Seconds a rewrite or a scan of the table takes at the assumed throughput.
 *
 * @example estimateSeconds({ tableBytes: 50e6, totalBytes: 100e6 }, 'rewrite') // 2
 */
export function estimateSeconds(size: TableSize, work: 'rewrite' | 'scan'): number {
  const mb = (work === 'rewrite' ? size.totalBytes : size.tableBytes) / 1e6
  return mb / (work === 'rewrite' ? assumedThroughput.rewriteMBps : assumedThroughput.scanMBps)
}

function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`
  return String(Math.round(n))
}

function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`
  if (n >= 1e6) return `${(n / 1e6).toFixed(0)} MB`
  return `${Math.max(1, Math.round(n / 1e3))} kB`
}

function formatSeconds(s: number): string {
  if (s >= 90) return `${Math.round(s / 60)} min`
  if (s >= 10) return `${Math.round(s)} s`
  return s >= 0.1 ? `${s.toFixed(1)} s` : '< 0.1 s'
}

/**
 * `` `public.events`: ~1.0M rows, 181 MB; rewrite ≈ 3.6 s at 50 MB/s `` — what a lock finding gains
 * from the live database.
 *
 * @example describeCost('public.events', size, 'scan') // '`public.events`: ~1.0M rows, 52 MB; scan ≈ 0.5 s at 100 MB/s'
 */
export function describeCost(table: string, size: TableSize, work: 'rewrite' | 'scan'): string {
  const rows = size.rows === undefined ? 'rows not counted yet (never analyzed)' : `~${formatCount(size.rows)} rows`
  const bytes = formatBytes(work === 'rewrite' ? size.totalBytes : size.tableBytes)
  const rate = work === 'rewrite' ? assumedThroughput.rewriteMBps : assumedThroughput.scanMBps
  return `\`${table}\`: ${rows}, ${bytes}; ${work} ≈ ${formatSeconds(estimateSeconds(size, work))} at ${rate} MB/s`
}
