import { doBlock, transaction } from '../phase-sql.js'
import type { PlanBuilder } from '../plan-context.js'
import { tableOfA } from '../plan-context.js'
import type { Plan } from '../plan.js'
import { insertProbe, selectProbe, updateProbe, valueFor, type ProbeTable } from '../probes.js'
import { ident, literal, qualified, splitKey } from '../sql.js'
import { batchKey } from '../table-facts.js'
import { viewLimits } from './rename-column-view.js'

/**
 * `ALTER TABLE old RENAME TO new` (or `SET SCHEMA`) behind a view: the expand phase renames the
 * table and, in the same transaction, creates a view under the old name, which PostgreSQL keeps
 * writable (a single-table view is automatically updatable). A keeps using the old name, B the
 * new one; nothing is copied. The contract phase drops the view.
 */
export const renameTablePlan: PlanBuilder<'table-renamed'> = (context) => {
  const { change } = context
  const table = tableOfA(context, change.from)
  if (typeof table === 'string') return { unsupported: table }
  const key = batchKey(table)
  if (key === undefined) return { unsupported: `\`${table.key}\` has no primary key (nor a UNIQUE NOT NULL key) to tell rows apart` }
  if (table.partitioned || table.partitionOf !== undefined) return { unsupported: `\`${table.key}\` is partitioned: rename it in a maintenance window` }
  const oldName = qualified(table.name)
  const to = splitKey(change.to)
  const newName = qualified(to)
  const move =
    to.schema === table.name.schema
      ? `ALTER TABLE ${oldName} RENAME TO ${ident(to.name)};`
      : `ALTER TABLE ${oldName} SET SCHEMA ${ident(to.schema)};`
  const moveBack =
    to.schema === table.name.schema
      ? `ALTER TABLE ${newName} RENAME TO ${ident(table.name.name)};`
      : `ALTER TABLE ${newName} SET SCHEMA ${ident(table.name.schema)};`
  const columns = table.columns.map((c) => ident(c.name)).join(', ')
  const isTable = (name: string): string => `(SELECT relkind FROM pg_class WHERE oid = to_regclass(${literal(name)})) IN ('r', 'p')`
  const a: ProbeTable = { table, schema: context.a, key, hints: [] }
  const b: ProbeTable = { table: context.b.tables.get(change.to) ?? table, schema: context.b, key, hints: [] }
  const column = table.columns.find((c) => !key.includes(c.name) && c.generated === undefined && c.identity === undefined)?.name
  const update = (probe: ProbeTable, offset: number) => (column === undefined ? [] : [updateProbe(probe, { [column]: valueFor(probe, column) }, offset)])
  const plan: Plan = {
    kind: 'rename-table',
    title: `rename table \`${table.key}\` to \`${change.to}\``,
    object: table.key,
    at: change.at,
    why: `Version A names \`${table.key}\` in its queries; after the rename every one of them fails.`,
    deployB: `B uses \`${change.to}\`.`,
    phases: [
      {
        kind: 'expand',
        from: 'A',
        until: 'A',
        does: `Renames the table to \`${change.to}\` and, in the same transaction, creates a view \`${table.key}\` over it, through which A keeps reading and writing.`,
        sql: transaction([
          doBlock([`IF ${isTable(oldName)} THEN`, `  ${move}`, 'END IF;']),
          `CREATE OR REPLACE VIEW ${oldName} AS SELECT ${columns} FROM ${newName};`,
        ]),
        rollback: transaction([
          `DROP VIEW IF EXISTS ${oldName};`,
          doBlock([`IF ${isTable(newName)} AND to_regclass(${literal(oldName)}) IS NULL THEN`, `  ${moveBack}`, 'END IF;']),
        ]),
        undoes: `Drops the view and renames the table back (B must be rolled back first).`,
        gate: { check: `\`${change.to}\` is the table and \`${table.key}\` a view over it.`, sql: `SELECT ${isTable(newName)} AND to_regclass(${literal(oldName)}) IS NOT NULL AS ok;` },
      },
      {
        kind: 'contract',
        from: 'B',
        until: 'B',
        does: `Drops the view \`${table.key}\`.`,
        sql: `DROP VIEW IF EXISTS ${oldName};`,
      },
    ],
    notes: [
      `The view is the way to make this rename; it does not fit when version A does any of the following, and then the alternative is a second table kept in step by triggers both ways and backfilled (rollsafe does not write that plan):`,
      ...viewLimits.map((limit) => `  - ${limit}`),
      `PostgreSQL keeps the names of the table's indexes, constraints and sequences (\`${table.name.name}_pkey\`, …): rename them separately if you want (ALTER INDEX … RENAME takes a brief lock).`,
    ],
    probes: {
      table: change.to,
      key,
      a: [insertProbe({ ...a, name: oldName }, {}), ...update({ ...a, name: oldName }, 0), selectProbe({ ...a, name: oldName }, [])],
      b: [insertProbe(b, {}), ...update(b, 1), selectProbe(b, [])],
      final: [insertProbe(b, {}), selectProbe(b, [])],
    },
    seeds: [],
  }
  return { plan, consumed: [] }
}
