import type { SqlSession } from '../../../db/shadow/sql-session.js'
import type { Plan, Probe } from '../plan.js'
import { probeNumber } from '../probes.js'
import { literal } from '../sql.js'

/** A row a probe wrote: its key as an SQL row literal, `('7')` or `('7', 'x')`. */
export interface Touched {
  readonly plan: Plan
  readonly key: string
}

/**
 * Runs probe statements in order (each under its own search_path when it names one, with a fresh
 * number from `fresh` for its values) and returns the keys of the rows the writes touched.
 *
 * @example
 * const touched = await runProbes(session, plan, plan.probes.a, () => ++counter)
 */
export async function runProbes(session: SqlSession, plan: Plan, probes: ReadonlyArray<Probe>, fresh: () => number): Promise<ReadonlyArray<Touched>> {
  const touched: Touched[] = []
  for (const probe of probes) {
    if (probe.searchPath !== undefined) await session.exec(`SET search_path TO ${probe.searchPath}`)
    try {
      const rows = await session.exec(probe.sql.replaceAll(probeNumber, String(fresh())))
      if (!/^\s*(insert|update)\b/i.test(probe.sql)) continue
      for (const row of rows) {
        const values = plan.probes.key.map((k) => (row[k] === null || row[k] === undefined ? 'NULL' : literal(String(row[k]))))
        touched.push({ plan, key: `(${values.join(', ')})` })
      }
    } finally {
      if (probe.searchPath !== undefined) await session.exec('RESET search_path')
    }
  }
  return touched
}
