import { doBlock, transaction } from '../phase-sql.js'
import type { PlanBuilder } from '../plan-context.js'
import { tableOfA } from '../plan-context.js'
import type { Plan } from '../plan.js'
import { insertProbe, selectProbe, type ProbeTable } from '../probes.js'
import { ident, literal, objectName, qualified } from '../sql.js'
import { batchKey, referencingKeys } from '../table-facts.js'

/**
 * `DROP TABLE t` as expand/contract: once B no longer uses the table and A is retired, park it
 * under another name (anything still using it fails loudly, and renaming it back undoes that
 * instantly), and drop it only after a quiet period.
 */
export const dropTablePlan: PlanBuilder<'table-dropped'> = (context) => {
  const { change } = context
  const table = tableOfA(context, change.object)
  if (typeof table === 'string') return { unsupported: table }
  if (context.file.some(({ statement, changes }) => statement.index > change.statement.index && changes.some((c) => c.kind === 'table-created' && c.object === change.object))) {
    return { unsupported: `\`${change.object}\` is dropped and created again by this migration: A and B would need two tables under one name` }
  }
  const target = qualified(table.name)
  const parkedName = objectName(table.name.name, 'rollsafe_dropped')
  const parked = `${ident(table.name.schema)}.${ident(parkedName)}`
  const incoming = referencingKeys(context.a, table).filter(({ table: other }) => other.key !== table.key)
  const key = batchKey(table) ?? table.columns.slice(0, 1).map((c) => c.name)
  const stats = `SELECT seq_scan, idx_scan, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables WHERE relid = ${literal(target)}::regclass;`
  const a: ProbeTable = { table, schema: context.a, key, hints: [] }
  const rename = (from: string, to: string): string =>
    doBlock([`IF to_regclass(${literal(from)}) IS NOT NULL THEN`, `  ALTER TABLE ${from} RENAME TO ${ident(to)};`, 'END IF;'])
  const plan: Plan = {
    kind: 'drop-table',
    title: `drop table \`${change.object}\``,
    object: change.object,
    at: change.at,
    why: `Version A still reads and writes \`${table.key}\`: once it is gone, every query of A that names it fails.`,
    deployB: `B never names \`${table.key}\`.`,
    phases: [
      {
        kind: 'validate',
        from: 'B',
        until: 'B',
        precondition: {
          check: `No A instance is left, and the table's usage counters do not move (run the query twice, some hours apart).`,
          hint: stats,
        },
        does: `Parks the table as \`${parkedName}\`: whatever still uses \`${table.name.name}\` fails now, while the data is intact.`,
        sql: rename(target, parkedName),
        rollback: rename(parked, table.name.name),
        undoes: `Renames the table back.`,
        gate: { check: `The table is parked.`, sql: `SELECT to_regclass(${literal(target)}) IS NULL AS ok;` },
      },
      {
        kind: 'contract',
        from: 'B',
        until: 'B',
        precondition: { check: 'Nothing failed for lack of the table during a quiet period (a day, or a full business cycle). Take a backup.', hint: `pg_dump --table=${parked} …` },
        does: `Drops the parked table${incoming.length ? ' and the foreign keys that reference it' : ''}.`,
        sql: transaction([
          ...incoming.map(({ table: other, constraint }) => `ALTER TABLE IF EXISTS ${qualified(other.name)} DROP CONSTRAINT IF EXISTS ${ident(constraint.name)};`),
          `DROP TABLE IF EXISTS ${parked};`,
        ]),
      },
    ],
    notes: [
      ...incoming.map(({ table: other, constraint }) => `The contract phase drops foreign key \`${constraint.name}\` of \`${other.key}\`, which references this table.`),
      'Views and functions that use the table follow it when it is parked (they reference it by identity), and make the contract phase fail: change them first.',
    ],
    probes: { table: table.key, key, a: [insertProbe(a, {}), selectProbe(a, [])], b: [], final: [] },
    seeds: [],
  }
  return { plan, consumed: [] }
}
