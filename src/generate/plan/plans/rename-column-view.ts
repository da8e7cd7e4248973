import { basename } from 'node:path'
import type { TableModel } from '../../../db/schema-model.js'
import { doBlock, hasColumn, transaction } from '../phase-sql.js'
import type { Alternative } from '../plan.js'
import type { PlanContext } from '../plan-context.js'
import { insertProbe, selectProbe, updateProbe, valueFor, type ProbeTable } from '../probes.js'
import { ident, literal, objectName, qualified } from '../sql.js'

/** The schema of views that shows version B's names: `rollsafe_b_<migration>`. */
export function viewSchemaName(file: string): string {
  const slug = basename(file).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')
  return objectName('rollsafe_b', slug)
}

/** What breaks when an application goes through a view instead of the table. */
export const viewLimits: ReadonlyArray<string> = [
  "DDL, foreign keys and `TRUNCATE` must name the table: a foreign key cannot reference a view, and `TRUNCATE`, `COPY … FROM`, `ALTER TABLE` and `LOCK … NOWAIT` semantics differ or fail on one.",
  'Writes go through as an automatically updatable view: the table\'s defaults, triggers, constraints and `INSERT … ON CONFLICT` work, but a view that joins, aggregates or computes columns would not be writable.',
  'The view runs with its owner\'s privileges unless made `WITH (security_invoker = true)` (PostgreSQL 15+): row-level security policies of the table would be checked as the owner.',
  'ORMs that introspect the schema (Rails schema cache, `prisma db pull`, Hibernate validation) see a view without a primary key.',
  'The view lists the columns that existed when it was created: columns added later stay invisible through it until it is re-created.',
]

/**
 * pgroll-style alternative to copying a renamed column: version B reads and writes the table
 * through a view with B's names, in a schema of its own that B puts first on its `search_path`;
 * A keeps using the table. The contract phase renames the column itself (the view follows).
 */
export function renameColumnViewAlternative(context: PlanContext<'column-renamed'>, table: TableModel, key: ReadonlyArray<string>): Alternative {
  const { change } = context
  const oldName = change.from
  const newName = change.to
  const schema = viewSchemaName(change.at.file)
  const view = `${ident(schema)}.${ident(table.name.name)}`
  const target = qualified(table.name)
  const columns = table.columns.map((c) => (c.name === oldName ? `${ident(oldName)} AS ${ident(newName)}` : ident(c.name)))
  const searchPath = `${ident(schema)}, ${ident(table.name.schema)}`
  const a: ProbeTable = { table, schema: context.a, key, hints: [] }
  // B as this alternative knows it: A's table with the one column renamed (other changes of the migration are not its part).
  const rename = (columns: ReadonlyArray<string>): ReadonlyArray<string> => columns.map((c) => (c === oldName ? newName : c))
  const bTable = {
    ...table,
    columns: table.columns.map((c) => (c.name === oldName ? { ...c, name: newName } : c)),
    constraints: table.constraints.map((c) => ({ ...c, columns: rename(c.columns) })),
  }
  // B names the table unqualified: its search_path finds the view first.
  const b: ProbeTable = { table: bTable, schema: context.b, key, hints: [], name: ident(table.name.name) }
  return {
    name: 'view',
    title: `a view with B's names instead of a copied column`,
    summary:
      `Instead of copying \`${oldName}\`, give version B a view of \`${table.key}\` that shows it as \`${newName}\`, in schema \`${schema}\`, ` +
      `and deploy B with \`search_path = ${searchPath}\`. Nothing is copied and no trigger runs. Once A is gone, the contract renames the column ` +
      `itself; the view follows the column, so B keeps working, and a later release of B can drop \`${schema}\` from its search_path (then \`DROP VIEW ${view}; DROP SCHEMA ${ident(schema)};\`).`,
    whenNot: [
      `B must connect with \`search_path = ${searchPath}\` on every connection (PgBouncer in transaction mode does not keep a \`SET\`: put it in the role or in the connection string's \`options=-csearch_path=…\`).`,
      ...viewLimits,
    ],
    deployB: `B connects with \`search_path = ${searchPath}\` and uses \`${newName}\`.`,
    phases: [
      {
        kind: 'expand',
        from: 'A',
        until: 'A',
        does: `Creates schema \`${schema}\` with view \`${table.name.name}\` showing \`${oldName}\` as \`${newName}\`.`,
        sql: transaction([
          `CREATE SCHEMA IF NOT EXISTS ${ident(schema)};`,
          `CREATE OR REPLACE VIEW ${view} AS\n  SELECT ${columns.join(', ')}\n  FROM ${target};`,
        ]),
        rollback: transaction([`DROP VIEW IF EXISTS ${view};`, `DROP SCHEMA IF EXISTS ${ident(schema)};`]),
        undoes: `Drops the view and its schema (B must be rolled back first).`,
        gate: {
          check: `The view exists.`,
          sql: `SELECT to_regclass(${literal(view)}) IS NOT NULL AS ok;`,
        },
      },
      {
        kind: 'contract',
        from: 'B',
        until: 'B',
        does: `Renames the column to \`${newName}\` in the table; the view keeps working for B.`,
        sql: transaction([
          doBlock([`IF ${hasColumn(target, oldName)} THEN`, `  ALTER TABLE ${target} RENAME COLUMN ${ident(oldName)} TO ${ident(newName)};`, 'END IF;']),
        ]),
      },
    ],
    probes: {
      table: table.key,
      key,
      a: [insertProbe(a, { [oldName]: valueFor(a, oldName) }), updateProbe(a, { [oldName]: valueFor(a, oldName) }, 0), selectProbe(a, [oldName])],
      b: [
        insertProbe(b, { [newName]: valueFor(b, newName) }, searchPath),
        updateProbe(b, { [newName]: valueFor(b, newName) }, 1, searchPath),
        selectProbe(b, [newName], searchPath),
      ],
      final: [insertProbe(b, { [newName]: valueFor(b, newName) }, searchPath), selectProbe({ ...b, name: target }, [newName])],
    },
  }
}
