import { nodeOf, stringList } from '../../../db/pg-ast.js'
import type { TableModel } from '../../../db/schema-model.js'
import { backfillSql, pendingRowsSql } from '../backfill.js'
import { copyIndexes } from '../index-copies.js'
import { doBlock, hasColumn, transaction } from '../phase-sql.js'
import type { PlanBuilder, PlanContext } from '../plan-context.js'
import { columnOfA } from '../plan-context.js'
import type { Gate, Plan } from '../plan.js'
import { insertProbe, selectProbe, updateProbe, valueFor, type ProbeTable } from '../probes.js'
import { typeSql } from '../sample-values.js'
import { ident, literal, qualified } from '../sql.js'
import { clauseAfter } from '../statement-parts.js'
import { syncTrigger, triggerPresentSql } from '../sync-trigger.js'
import { backfillKey, constraintsOn, referencingKeys } from '../table-facts.js'
import { carriedDefault, notNullHelper, swapValidatePhase } from './column-swap.js'

/** A column name not taken in the table: `quantity_new`, else `quantity_new2`, … */
function freeName(table: TableModel, base: string): string {
  let name = base
  for (let n = 2; table.columns.some((c) => c.name === name); n++) name = `${base}${n}`
  return name
}

/** `USING col::type` (or no USING at all): the conversion is a plain cast of the column. */
function isPlainCast(context: PlanContext<'column-type-changed'>, column: string): boolean {
  const def = nodeOf<{ raw_default?: unknown }>(context.commandNode?.['def'], 'ColumnDef')
  if (def?.raw_default === undefined) return true
  const cast = nodeOf<{ arg?: unknown }>(def.raw_default, 'TypeCast')
  const ref = nodeOf<{ fields?: unknown[] }>(cast?.arg, 'ColumnRef')
  const fields = stringList(ref?.fields)
  return fields.length === 1 && fields[0] === column
}

/** Values outside an enum the column becomes: checked before the plan starts. */
function enumGate(context: PlanContext<'column-type-changed'>, table: TableModel, column: string): Gate | undefined {
  const type = context.b.types.get(context.change.to.name) ?? context.b.types.get(`public.${context.change.to.name}`)
  if (type?.kind !== 'enum') return undefined
  const labels = type.values.map(literal).join(', ')
  return {
    check: `Every \`${column}\` value is a label of \`${type.key}\` (a write of any other value fails from the expand phase on).`,
    sql: `SELECT count(*) AS outside_the_enum, count(*) = 0 AS ok FROM ${qualified(table.name)} WHERE ${ident(column)}::text NOT IN (${labels});`,
  }
}

/**
 * `ALTER TABLE t ALTER COLUMN c TYPE x` as expand/contract: a new column of the new type kept in
 * step by a trigger, backfilled in batches, given c's indexes, then swapped in (old dropped, new
 * renamed to c) in one short transaction. No table rewrite under ACCESS EXCLUSIVE.
 */
export const changeColumnTypePlan: PlanBuilder<'column-type-changed'> = (context) => {
  const { change, options } = context
  const found = columnOfA(context, change.object)
  if ('unsupported' in found) return found
  const { table, name, column } = found
  const key = backfillKey(table)
  if ('unsupported' in key) return key
  if (key.includes(name)) return { unsupported: `\`${change.object}\` is in the primary key: the foreign keys that reference it need the same change` }
  if (referencingKeys(context.a, table, name).length > 0) return { unsupported: `foreign keys reference \`${change.object}\`: their columns need the same change` }
  const target = qualified(table.name)
  const temp = freeName(table, `${name}_new`)
  const newType = typeSql(change.to)
  const oldType = typeSql(column.type)
  const using = clauseAfter(context.command, 'using')
  const plain = isPlainCast(context, name)
  // Without USING, PostgreSQL converts with an assignment cast (a too long varchar is an error, not
  // truncated): assignments reproduce that; comparisons need the explicit cast.
  const assign = using === undefined
  const rowUp = plain ? `${ident(name)}::${newType}` : `(${using ?? ''})`
  const newUp = plain ? `NEW.${ident(name)}::${newType}` : `(SELECT ${using ?? ''} FROM (SELECT NEW.*) AS ${ident(table.name.name)})`
  const sync = syncTrigger({
    table,
    oldColumn: name,
    targets: [{ column: temp, up: assign ? `NEW.${ident(name)}` : newUp, upValue: newUp }],
    ...(plain ? { down: assign ? `NEW.${ident(temp)}` : `NEW.${ident(temp)}::${oldType}` } : {}),
  })
  const pending = `${ident(temp)} IS DISTINCT FROM ${rowUp}`
  const indexes = copyIndexes(context.a, context.b, table, name, temp, options)
  // NOT NULL as the migration leaves the column (it may drop NOT NULL in the same file).
  const notNull = (context.b.tables.get(table.key)?.columns.find((c) => c.name === name) ?? column).notNull ? notNullHelper(table, temp) : undefined
  const others = [...constraintsOn(table, name, 'foreign-key'), ...constraintsOn(table, name, 'check').filter((c) => c.notNullColumn !== name)]
  const labels = context.b.types.get(change.to.name)?.values ?? context.b.types.get(`public.${change.to.name}`)?.values
  const seeds = labels === undefined ? [] : [{ table: table.key, column: name, values: labels.map(literal) }]
  const a: ProbeTable = { table, schema: context.a, key, hints: seeds }
  const bTable = context.b.tables.get(table.key) ?? table
  const b: ProbeTable = { table: bTable, schema: context.b, key, hints: [] }
  const wide = column.type.name === 'int4' && change.to.name === 'int8' ? '3000000000' : valueFor(b, name)
  const before = enumGate(context, table, name)
  const plan: Plan = {
    kind: 'change-column-type',
    title: `change the type of \`${change.object}\` from \`${column.type.display}\` to \`${change.to.display}\``,
    object: change.object,
    at: change.at,
    why:
      `Changing the type rewrites \`${table.key}\` under an ACCESS EXCLUSIVE lock that blocks every read and write until it ends, ` +
      `and version A reads \`${name}\` as \`${column.type.display}\`.`,
    deployB:
      `B reads and writes \`${name}\` as before; until the contract phase the column is still \`${column.type.display}\`, so B writes only values that fit it ` +
      `and reads either type (node-postgres, for one, returns \`bigint\` as a string).`,
    phases: [
      {
        kind: 'expand',
        from: 'A',
        until: 'A',
        ...(before === undefined ? {} : { precondition: before }),
        does: `Adds \`${temp}\` (${newType}) and a trigger that keeps it equal to \`${name}\` converted${plain ? ', and converts writes of it back' : ''}.`,
        sql: transaction([`ALTER TABLE ${target} ADD COLUMN IF NOT EXISTS ${ident(temp)} ${newType};`, sync.create]),
        rollback: transaction([sync.drop, `ALTER TABLE ${target} DROP COLUMN IF EXISTS ${ident(temp)};`]),
        undoes: `Drops the trigger and \`${temp}\`; \`${name}\` is untouched.`,
        gate: { check: `The trigger \`${sync.triggerName}\` exists and is enabled.`, sql: triggerPresentSql(table, sync.triggerName) },
      },
      {
        kind: 'backfill',
        from: 'A',
        until: 'B',
        does: `Fills \`${temp}\` from \`${name}\` for the rows written before the trigger existed, in batches of ${options.batchSize}.`,
        sql: backfillSql({ table, key, set: `${ident(temp)} = ${assign ? ident(name) : rowUp}`, pending, name: `${table.name.name}_${name}` }, options),
        rollback: '',
        undoes: `Nothing to undo: the backfill only wrote \`${temp}\`, which the expand rollback drops.`,
        gate: { check: `Every row has \`${temp}\` equal to \`${name}\` converted.`, sql: pendingRowsSql(table, pending) },
      },
      swapValidatePhase(target, table, temp, indexes, notNull, options),
      {
        kind: 'contract',
        from: 'B',
        until: 'B',
        does: `Swaps the columns in one short transaction: drops the trigger and \`${name}\`, renames \`${temp}\` to \`${name}\` with its default${notNull ? ', NOT NULL' : ''} and index names.`,
        sql: transaction([
          sync.drop,
          doBlock(
            [
              `IF ${hasColumn(target, temp)} THEN`,
              ...carriedDefault(target, name, temp, newType).map((s) => `  ${s}`),
              `  ALTER TABLE ${target} DROP COLUMN ${ident(name)};`,
              `  ALTER TABLE ${target} RENAME COLUMN ${ident(temp)} TO ${ident(name)};`,
              'END IF;',
              ...indexes.attach,
            ],
            ['carried text;'],
          ),
          ...(notNull
            ? [`ALTER TABLE ${target} ALTER COLUMN ${ident(name)} SET NOT NULL;`, `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(notNull.name)};`]
            : []),
        ]),
      },
    ],
    notes: [
      ...indexes.notes,
      ...others.map((c) => `Constraint \`${c.name}\` on \`${name}\` is dropped with the old column in the contract phase: add it on \`${temp}\` (NOT VALID, then VALIDATE) before.`),
      ...(plain ? [] : [`The USING expression has no inverse rollsafe can derive: until the contract phase, writes must go to \`${name}\`; a write of \`${temp}\` alone fails.`]),
      'Server-side prepared statements planned before the contract phase (JDBC, pgx, PgBouncer with prepared statements) may fail once with "cached plan must not change result type"; a retry succeeds.',
    ],
    probes: {
      table: table.key,
      key,
      a: [insertProbe(a, { [name]: valueFor(a, name) }), updateProbe(a, { [name]: valueFor(a, name) }, 0), selectProbe(a, [name])],
      b: [insertProbe(a, { [name]: valueFor(a, name) }), updateProbe(a, { [name]: valueFor(a, name) }, 1)],
      final: [insertProbe(b, { [name]: wide }), updateProbe(b, { [name]: valueFor(b, name) }, 2), selectProbe(b, [name])],
      inStep: `${ident(temp)} IS NOT DISTINCT FROM ${rowUp}`,
      dualWrite: true,
      convergedAfter: 'backfill',
    },
    seeds,
  }
  return { plan, consumed: [] }
}

