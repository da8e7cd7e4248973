import { backfillSql, pendingRowsSql } from '../backfill.js'
import { copyIndexes } from '../index-copies.js'
import { doBlock, hasColumn, queriesNaming, transaction } from '../phase-sql.js'
import type { Plan } from '../plan.js'
import type { PlanBuilder } from '../plan-context.js'
import { tableKeyOf, tableOfA } from '../plan-context.js'
import { insertProbe, selectProbe, updateProbe, valueFor, type ProbeTable } from '../probes.js'
import { ident, qualified } from '../sql.js'
import { syncTrigger, triggerPresentSql } from '../sync-trigger.js'
import { backfillKey, constraintsOn, referencingKeys } from '../table-facts.js'
import { typeSql } from '../sample-values.js'
import { carriedDefault, notNullHelper, swapValidatePhase } from './column-swap.js'
import { renameColumnViewAlternative } from './rename-column-view.js'

/**
 * `ALTER TABLE t RENAME COLUMN old TO new` as expand/contract: add `new`, keep both columns in
 * step with a trigger, backfill, build `new`'s indexes and NOT NULL, and drop `old` once version
 * A is gone. Also offers the view alternative (rename-column-view.ts).
 */
export const renameColumnPlan: PlanBuilder<'column-renamed'> = (context) => {
  const { change, options } = context
  const table = tableOfA(context, tableKeyOf(change.object))
  if (typeof table === 'string') return { unsupported: table }
  const oldName = change.from
  const newName = change.to
  const column = table.columns.find((c) => c.name === oldName)
  if (column === undefined) return { unsupported: `rollsafe does not know column \`${change.object}\`` }
  const key = backfillKey(table)
  if ('unsupported' in key) return key
  if (key.includes(oldName)) {
    return { unsupported: `\`${change.object}\` is part of the primary key: rename it behind a view (see the rename-table plan) or in a maintenance window` }
  }
  const target = qualified(table.name)
  const sync = syncTrigger({ table, oldColumn: oldName, targets: [{ column: newName, up: `NEW.${ident(oldName)}` }], down: `NEW.${ident(newName)}` })
  const pending = `${ident(newName)} IS DISTINCT FROM ${ident(oldName)}`
  const indexes = copyIndexes(context.a, context.b, table, oldName, newName, options)
  // NOT NULL as the migration leaves the column (it may drop NOT NULL in the same file).
  const notNull = (context.b.tables.get(table.key)?.columns.find((c) => c.name === newName) ?? column).notNull ? notNullHelper(table, newName) : undefined
  const incoming = referencingKeys(context.a, table, oldName)
  const outgoing = constraintsOn(table, oldName, 'foreign-key')
  const checks = constraintsOn(table, oldName, 'check').filter((c) => c.notNullColumn !== oldName)
  const notes = [
    ...indexes.notes,
    ...incoming.map(
      ({ table: other, constraint }) =>
        `Foreign key \`${constraint.name}\` on \`${other.key}\` references \`${oldName}\`: the contract phase cannot drop \`${oldName}\` until it ` +
        `references \`${newName}\` (needs a UNIQUE index on \`${newName}\`; add the new foreign key NOT VALID, VALIDATE it, drop the old one).`,
    ),
    ...[...outgoing, ...checks].map(
      (c) => `Constraint \`${c.name}\` on \`${oldName}\` is dropped with it in the contract phase: add its equivalent on \`${newName}\` (NOT VALID, then VALIDATE) before.`,
    ),
  ]
  const a: ProbeTable = { table, schema: context.a, key, hints: [] }
  const bTable = context.b.tables.get(table.key)
  const b: ProbeTable = { table: bTable ?? table, schema: context.b, key, hints: [] }
  const plan: Plan = {
    kind: 'rename-column',
    title: `rename column \`${change.object}\` to \`${newName}\``,
    object: change.object,
    at: change.at,
    why: `Version A reads and writes \`${oldName}\`; after the rename every query of A that names it fails.`,
    deployB: `B reads and writes \`${newName}\` (its reads behind the toggle below) and never names \`${oldName}\`.`,
    toggle: {
      after: 'backfill',
      text: `B's reads of \`${newName}\`: off until the backfill gate passes (rows not yet backfilled have \`${newName}\` NULL), then on.`,
    },
    phases: [
      {
        kind: 'expand',
        from: 'A',
        until: 'A',
        does: `Adds \`${newName}\` (${typeSql(column.type)}, nullable for now) and a trigger that copies every write of \`${oldName}\` to \`${newName}\` and back.`,
        sql: transaction([`ALTER TABLE ${target} ADD COLUMN IF NOT EXISTS ${ident(newName)} ${typeSql(column.type)};`, sync.create]),
        rollback: transaction([sync.drop, `ALTER TABLE ${target} DROP COLUMN IF EXISTS ${ident(newName)};`]),
        undoes: `Drops the trigger and \`${newName}\`; \`${oldName}\` holds every write, A's and B's.`,
        gate: { check: `The trigger \`${sync.triggerName}\` exists and is enabled.`, sql: triggerPresentSql(table, sync.triggerName) },
      },
      {
        kind: 'backfill',
        from: 'A',
        until: 'A+B',
        does: `Copies \`${oldName}\` into \`${newName}\` for the rows written before the trigger existed, in batches of ${options.batchSize}.`,
        sql: backfillSql({ table, key, set: `${ident(newName)} = ${ident(oldName)}`, pending, name: `${table.name.name}_${newName}` }, options),
        rollback: '',
        undoes: `Nothing to undo: the backfill only wrote \`${newName}\`, which the expand rollback drops.`,
        gate: { check: `No row has \`${newName}\` different from \`${oldName}\`.`, sql: pendingRowsSql(table, pending) },
      },
      swapValidatePhase(target, table, newName, indexes, notNull, options),
      {
        kind: 'contract',
        from: 'B',
        until: 'B',
        precondition: { check: `No A instance is left and no query names \`${oldName}\` any more.`, hint: queriesNaming(oldName) },
        does: `Drops the trigger and \`${oldName}\`, gives \`${newName}\` its default${notNull ? ', NOT NULL' : ''} and the original index names.`,
        sql: transaction([
          sync.drop,
          doBlock([
            `IF ${hasColumn(target, oldName)} THEN`,
            ...carriedDefault(target, oldName, newName).map((s) => `  ${s}`),
            `  ALTER TABLE ${target} DROP COLUMN ${ident(oldName)};`,
            'END IF;',
            ...indexes.attach,
          ], ['carried text;']),
          ...(notNull
            ? [
                `ALTER TABLE ${target} ALTER COLUMN ${ident(newName)} SET NOT NULL;`,
                `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(notNull.name)};`,
              ]
            : []),
        ]),
      },
    ],
    notes,
    probes: {
      table: table.key,
      key,
      a: [
        insertProbe(a, { [oldName]: valueFor(a, oldName) }),
        updateProbe(a, { [oldName]: valueFor(a, oldName) }, 0),
        selectProbe(a, [oldName]),
      ],
      b: [
        insertProbe(b, { [newName]: valueFor(b, newName) }),
        updateProbe(b, { [newName]: valueFor(b, newName) }, 1),
        selectProbe(b, [newName]),
      ],
      final: [insertProbe(b, { [newName]: valueFor(b, newName) }), updateProbe(b, { [newName]: valueFor(b, newName) }, 2)],
      inStep: `${ident(newName)} IS NOT DISTINCT FROM ${ident(oldName)}`,
      dualWrite: true,
      convergedAfter: 'backfill',
    },
    seeds: [],
    alternative: renameColumnViewAlternative(context, table, key),
  }
  return { plan, consumed: [] }
}
