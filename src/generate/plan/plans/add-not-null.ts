import { commandText } from '../alter-commands.js'
import { backfillSql, pendingRowsSql } from '../backfill.js'
import { addConstraintOnce, blocks, transaction, unbounded } from '../phase-sql.js'
import type { PlanBuilder, PlanContext } from '../plan-context.js'
import { columnOfA, tableKeyOf } from '../plan-context.js'
import type { Plan, PlanPhase } from '../plan.js'
import { insertProbe, updateProbe, valueFor, type ProbeTable } from '../probes.js'
import { ident, literal } from '../sql.js'
import { clauseAfter, updateParts } from '../statement-parts.js'
import { qualified } from '../sql.js'
import { backfillKey } from '../table-facts.js'
import { notNullHelper } from './column-swap.js'

interface Fill {
  /** The value for rows where the column is NULL. */
  readonly value: string
  /** The UPDATE's own condition, when the value came from one. */
  readonly where?: string
  /** The UPDATE statement the backfill replaces. */
  readonly consumed?: number
  readonly source: string
}

/** What the migration gives NULL rows before SET NOT NULL: an UPDATE of the column, else a new default. */
function fillOf(context: PlanContext<'column-set-not-null'>, column: string): { fill?: Fill; defaultSet: boolean } {
  const { change } = context
  let fill: Fill | undefined
  let defaultSet = false
  for (const { statement, changes } of context.file) {
    if (statement.index > change.statement.index) break
    for (const found of changes) {
      if (found.kind === 'column-default-set' && found.object === change.object) {
        defaultSet = true
        const text = commandText(statement, 'AT_ColumnDefault', column)
        const value = text === undefined ? undefined : clauseAfter(text, 'default')
        if (value !== undefined && fill?.consumed === undefined) fill = { value, source: `the default the migration sets (line ${statement.at.line ?? '?'})` }
      }
      if (found.kind === 'data-modified' && found.operation === 'update' && tableKeyOf(change.object) === found.object) {
        const parts = updateParts(statement.text)
        const value = parts.assignments.get(column)
        if (parts.complex || parts.assignments.size !== 1 || value === undefined) continue
        fill = { value, ...(parts.where === undefined ? {} : { where: parts.where }), consumed: statement.index, source: `the UPDATE at line ${statement.at.line ?? '?'}` }
      }
    }
  }
  return { ...(fill === undefined ? {} : { fill }), defaultSet }
}

/**
 * `ALTER TABLE t ALTER COLUMN c SET NOT NULL` as expand/contract: fill the NULL rows in batches
 * (from the migration's UPDATE or new default), then prove NOT NULL with a CHECK added NOT VALID
 * and validated without blocking writes, so SET NOT NULL needs no scan (PostgreSQL 12+). Nothing in
 * it is irreversible: there is no contract phase.
 */
export const addNotNullPlan: PlanBuilder<'column-set-not-null'> = (context) => {
  const { change, options } = context
  const found = columnOfA(context, change.object)
  if ('unsupported' in found) return found
  const { table, name, column } = found
  const key = backfillKey(table)
  if ('unsupported' in key) return key
  const target = qualified(table.name)
  const { fill, defaultSet } = fillOf(context, name)
  const covered = defaultSet || column.default !== undefined
  const helper = notNullHelper(table, name)
  const nulls = `${ident(name)} IS NULL`
  const backfill: PlanPhase | undefined = fill && {
    kind: 'backfill',
    from: covered ? 'A' : 'B',
    until: 'B',
    does: `Sets \`${name}\` to \`${fill.value}\` (${fill.source}) where it is NULL, in batches of ${options.batchSize}.`,
    sql: backfillSql({ table, key, set: `${ident(name)} = ${fill.value}`, pending: fill.where === undefined ? nulls : `${nulls} AND (${fill.where})`, name: `${table.name.name}_${name}` }, options),
    rollback: '',
    undoes: `Nothing to undo: the filled values stay (A reads them as values).`,
    gate: { check: `No row has \`${name}\` NULL.`, sql: pendingRowsSql(table, nulls) },
  }
  const a: ProbeTable = { table, schema: context.a, key, hints: [] }
  const b: ProbeTable = { table: context.b.tables.get(table.key) ?? table, schema: context.b, key, hints: [] }
  const plan: Plan = {
    kind: 'add-not-null',
    title: `make \`${change.object}\` NOT NULL`,
    object: change.object,
    at: change.at,
    why:
      `SET NOT NULL reads the whole table under an ACCESS EXCLUSIVE lock, and version A ${covered ? 'may still write NULL explicitly' : `inserts rows without \`${name}\``}: ` +
      'those writes fail once the column is NOT NULL.',
    deployB: `B always writes a value to \`${name}\`.`,
    phases: [
      ...(backfill ? [backfill] : []),
      {
        kind: 'validate',
        from: 'B',
        until: 'B',
        precondition: {
          check: fill ? `No row has \`${name}\` NULL (A, gone now, may have written some after the backfill: run the backfill again).` : `No row has \`${name}\` NULL: rollsafe found no value for them in the migration (no UPDATE, no DEFAULT), so set them first.`,
          sql: pendingRowsSql(table, nulls),
        },
        does:
          `Adds \`CHECK (${name} IS NOT NULL)\` NOT VALID, validates it without blocking writes, then sets NOT NULL, which the valid CHECK ` +
          'spares a scan, and drops the CHECK (pgroll does the same).',
        sql: blocks(
          addConstraintOnce(target, helper.name, `${ident(helper.name)} CHECK (${nulls.replace('IS NULL', 'IS NOT NULL')}) NOT VALID`),
          unbounded(`ALTER TABLE ${target} VALIDATE CONSTRAINT ${ident(helper.name)};`, options),
          transaction([`ALTER TABLE ${target} ALTER COLUMN ${ident(name)} SET NOT NULL;`, `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(helper.name)};`]),
        ),
        rollback: transaction([`ALTER TABLE ${target} ALTER COLUMN ${ident(name)} DROP NOT NULL;`, `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(helper.name)};`]),
        undoes: 'Drops NOT NULL again (A, if it comes back, may write NULL).',
        gate: {
          check: `\`${name}\` is NOT NULL.`,
          sql: `SELECT attnotnull AS ok FROM pg_attribute WHERE attrelid = ${literal(target)}::regclass AND attname = ${literal(name)};`,
        },
      },
    ],
    notes: options.pgVersion < 12 ? ['Before PostgreSQL 12, SET NOT NULL scans the table under ACCESS EXCLUSIVE even with a valid CHECK.'] : [],
    probes: {
      table: table.key,
      key,
      a: [insertProbe(a, {}), updateProbe(a, { [name]: valueFor(a, name) }, 0)],
      b: [insertProbe(b, { [name]: valueFor(b, name) }), updateProbe(b, { [name]: valueFor(b, name) }, 1)],
      final: [insertProbe(b, { [name]: valueFor(b, name) })],
      inStep: `${ident(name)} IS NOT NULL`,
      convergedAfter: backfill ? 'backfill' : 'validate',
    },
    seeds: [],
  }
  return { plan, consumed: fill?.consumed === undefined ? [] : [fill.consumed] }
}
