import type { ConstraintModel, SchemaModel, TableModel } from '../../../db/schema-model.js'
import { addConstraintOnce, blocks, doBlock, hasConstraint, transaction, unbounded } from '../phase-sql.js'
import type { PlanBuilder } from '../plan-context.js'
import { tableKeyOf, tableOfA } from '../plan-context.js'
import type { Gate, Plan, PlanPhase } from '../plan.js'
import { insertProbe, selectProbe, valueFor, type ProbeTable } from '../probes.js'
import { ident, literal, objectName, qualified } from '../sql.js'
import { constraintDefinition, parenthesizedAfter } from '../statement-parts.js'
import { batchKey } from '../table-facts.js'
import { constraintValid, gateSql } from './column-swap.js'

/** Rows that break a foreign key (MATCH SIMPLE: a row with any NULL key column passes). */
function orphansGate(a: SchemaModel, table: TableModel, constraint: ConstraintModel): Gate | undefined {
  const target = constraint.references && a.tables.get(constraint.references.table)
  if (target === undefined || constraint.references === undefined) return undefined
  const columns = constraint.references.columns.length > 0 ? constraint.references.columns : (batchKey(target) ?? [])
  const join = constraint.columns.map((c, i) => `r.${ident(columns[i] ?? c)} = t.${ident(c)}`).join(' AND ')
  const present = constraint.columns.map((c) => `t.${ident(c)} IS NOT NULL`).join(' AND ')
  return {
    check: `No row of \`${table.key}\` references a missing \`${target.key}\` row.`,
    sql: `SELECT count(*) AS orphans, count(*) = 0 AS ok FROM ${qualified(table.name)} t\n  WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${qualified(target.name)} r WHERE ${join});`,
  }
}

/** Does an index of the table start with these columns (so the foreign key's lookups are cheap)? */
function hasLeadingIndex(schema: SchemaModel, table: TableModel, columns: ReadonlyArray<string>): boolean {
  return [...schema.indexes.values()].some((i) => i.table === table.key && columns.every((c, n) => i.columns[n] === c))
}

/**
 * `ALTER TABLE t ADD CONSTRAINT …` as expand/contract. CHECK and FOREIGN KEY: add NOT VALID (a
 * brief lock; new writes are checked from then on), then VALIDATE in another transaction, which
 * reads the table without blocking writes. UNIQUE: build the index CONCURRENTLY, then attach it
 * with `ADD CONSTRAINT … UNIQUE USING INDEX`.
 */
export const addConstraintPlan: PlanBuilder<'constraint-added'> = (context) => {
  const { change, options } = context
  const table = tableOfA(context, tableKeyOf(change.object))
  if (typeof table === 'string') return { unsupported: table }
  const key = batchKey(table) ?? table.columns.slice(0, 1).map((c) => c.name)
  const constraint = change.constraint
  const target = qualified(table.name)
  const name = constraint.name
  const definition = constraintDefinition(context.command)
  const phases: PlanPhase[] = []
  let before: Gate | undefined
  let seedReference: { table: string; column: string } | undefined
  if (constraint.type === 'unique') {
    const index = `${ident(table.name.schema)}.${ident(name)}`
    const list = constraint.columns.map(ident).join(', ')
    const build = unbounded(`CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${ident(name)} ON ${target} (${list});`, options)
    // Columns this migration adds hold nothing yet: duplicates can only come from A's columns.
    const known = constraint.columns.every((c) => table.columns.some((column) => column.name === c))
    before = known
      ? {
          check: `No two rows of \`${table.key}\` share (${constraint.columns.join(', ')}).`,
          sql: `SELECT count(*) AS duplicated_values, count(*) = 0 AS ok FROM (SELECT ${list} FROM ${target} WHERE ${constraint.columns.map((c) => `${ident(c)} IS NOT NULL`).join(' AND ')} GROUP BY ${list} HAVING count(*) > 1) AS d;`,
        }
      : undefined
    phases.push(
      {
        kind: 'expand',
        from: 'A',
        until: 'A',
        ...(before === undefined ? {} : { precondition: before }),
        does: `Builds the unique index \`${name}\` CONCURRENTLY (writes continue; duplicates written from now on fail).`,
        sql: build,
        rollback: `DROP INDEX CONCURRENTLY IF EXISTS ${index};`,
        undoes: 'Drops the index (also an INVALID one left by a failed build).',
        gate: { check: `The index is valid.`, sql: `SELECT coalesce((SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(${literal(index)})), false) AS ok;` },
      },
      {
        kind: 'validate',
        from: 'A',
        until: 'B',
        does: `Turns the index into the constraint \`${name}\` (a brief lock, no scan).`,
        sql: transaction([doBlock([`IF NOT ${hasConstraint(target, name)} THEN`, `  ALTER TABLE ${target} ADD CONSTRAINT ${ident(name)} UNIQUE USING INDEX ${ident(name)};`, 'END IF;'])]),
        rollback: blocks(`ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(name)};`, build),
        undoes: 'Drops the constraint, and so its index, then builds the index again (CONCURRENTLY).',
        gate: { check: `The constraint exists.`, sql: `SELECT ${hasConstraint(target, name)} AS ok;` },
      },
    )
  } else {
    const foreign = constraint.type === 'foreign-key'
    const check = foreign ? undefined : parenthesizedAfter(definition, 'check')
    before = foreign
      ? orphansGate(context.a, table, constraint)
      : check === undefined
        ? undefined
        : { check: `No row breaks the CHECK.`, sql: `SELECT count(*) AS violations, count(*) = 0 AS ok FROM ${target} WHERE NOT (${check});` }
    const indexName = objectName(table.name.name, ...constraint.columns, 'idx')
    const needsIndex = foreign && !hasLeadingIndex(context.a, table, constraint.columns)
    const reference = foreign ? constraint.references : undefined
    const refColumn = reference?.columns[0] ?? (reference && batchKey(context.a.tables.get(reference.table) ?? table)?.[0])
    if (reference !== undefined && refColumn !== undefined && constraint.columns.length === 1) {
      seedReference = { table: reference.table, column: refColumn }
    }
    phases.push(
      {
        kind: 'expand',
        from: 'A',
        until: 'A',
        does: `${needsIndex ? `Indexes \`${constraint.columns.join(', ')}\` CONCURRENTLY (for the foreign key's checks), then adds` : 'Adds'} \`${name}\` NOT VALID: rows written from now on are checked, existing rows not yet.`,
        sql: blocks(
          needsIndex && unbounded(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${ident(indexName)} ON ${target} (${constraint.columns.map(ident).join(', ')});`, options),
          transaction([addConstraintOnce(target, name, `${ident(name)} ${definition} NOT VALID`)]),
        ),
        rollback: blocks(
          `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(name)};`,
          needsIndex && `DROP INDEX CONCURRENTLY IF EXISTS ${ident(table.name.schema)}.${ident(indexName)};`,
        ),
        undoes: `Drops the constraint${needsIndex ? ' and the index' : ''}.`,
        ...(before === undefined ? {} : { gate: before }),
      },
      {
        kind: 'validate',
        from: 'A',
        until: 'B',
        does: `Validates \`${name}\` against the existing rows; this reads the table but blocks no writes (SHARE UPDATE EXCLUSIVE${foreign ? ', and ROW SHARE on the referenced table' : ''}).`,
        sql: unbounded(`ALTER TABLE ${target} VALIDATE CONSTRAINT ${ident(name)};`, options),
        rollback: transaction([`ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(name)};`, `ALTER TABLE ${target} ADD CONSTRAINT ${ident(name)} ${definition} NOT VALID;`]),
        undoes: `Puts \`${name}\` back to NOT VALID (drops and re-adds it, a brief lock). Rarely useful: validation changed no data.`,
        gate: { check: `\`${name}\` is validated.`, sql: gateSql([constraintValid(table, name)]) },
      },
    )
  }
  const column = constraint.columns[0]
  const hints = seedReference && column !== undefined ? [{ table: table.key, column, references: seedReference }] : []
  const a: ProbeTable = { table, schema: context.a, key, hints }
  // A's statements only name columns A knows (the constraint may be on a column this migration adds).
  const bTable: ProbeTable = { ...a, table: context.b.tables.get(table.key) ?? table, schema: context.b }
  const values = (probe: ProbeTable): Record<string, string> =>
    seedReference && column !== undefined && probe.table.columns.some((c) => c.name === column) ? { [column]: valueFor(probe, column) } : {}
  const plan: Plan = {
    kind: 'add-constraint',
    title: `add ${constraint.type.replace('-', ' ')} \`${name}\` to \`${table.key}\``,
    object: change.object,
    at: change.at,
    why:
      constraint.type === 'unique'
        ? `Adding a UNIQUE constraint builds its index under an ACCESS EXCLUSIVE lock: every read and write of \`${table.key}\` waits for the build.`
        : `Adding the constraint reads every row of \`${table.key}\` while holding a lock that blocks writes${constraint.type === 'foreign-key' ? ' (on the referenced table too)' : ''}.`,
    deployB: `Nothing: A and B both write rows that satisfy \`${name}\` (rows that do not are rejected from the expand phase on).`,
    phases,
    notes: [],
    probes: {
      table: table.key,
      key,
      a: [insertProbe(a, values(a)), selectProbe(a, [])],
      b: [insertProbe(bTable, values(bTable))],
      final: [insertProbe(bTable, values(bTable))],
    },
    seeds: hints,
  }
  return { plan, consumed: [] }
}
