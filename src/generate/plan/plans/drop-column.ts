import { addConstraintOnce, blocks, doBlock, queriesNaming, transaction, unbounded } from '../phase-sql.js'
import type { TableModel } from '../../../db/schema-model.js'
import type { PlanBuilder, PlanContext } from '../plan-context.js'
import { columnOfA } from '../plan-context.js'
import type { Plan, PlanPhase } from '../plan.js'
import { insertProbe, selectProbe, updateProbe, valueFor, type ProbeTable } from '../probes.js'
import { fillsItself } from '../sample-values.js'
import { ident, literal, objectName, qualified } from '../sql.js'
import { batchKey, indexesOn, referencingKeys } from '../table-facts.js'
import { splitColumnPlan } from './split-column.js'

/**
 * The phase that drops a column once no version reads it: its own indexes first, CONCURRENTLY (so
 * the ACCESS EXCLUSIVE of DROP COLUMN is brief), the foreign keys that reference it, `cleanup`
 * (a trigger), then the column.
 */
export function dropColumnContract(context: Pick<PlanContext, 'a' | 'options'>, table: TableModel, name: string, cleanup: ReadonlyArray<string>): PlanPhase {
  const target = qualified(table.name)
  const ownIndexes = indexesOn(context.a, table, name).filter((i) => i.constraint === undefined && !table.constraints.some((c) => c.index === i.name.name))
  const incoming = referencingKeys(context.a, table, name)
  return {
    kind: 'contract',
    from: 'B',
    until: 'B',
    precondition: { check: `No A instance is left and no query names \`${name}\` any more.`, hint: queriesNaming(name) },
    does: `Drops \`${name}\`${ownIndexes.length ? ', its indexes first (CONCURRENTLY)' : ''}${incoming.length ? ' and the foreign keys that reference it' : ''}${cleanup.length ? ' and the trigger' : ''}.`,
    sql: blocks(
      ownIndexes.map((i) => unbounded(`DROP INDEX CONCURRENTLY IF EXISTS ${qualified(i.name)};`, context.options)).join('\n\n'),
      transaction([
        ...cleanup,
        ...incoming.map(({ table: other, constraint }) => `ALTER TABLE IF EXISTS ${qualified(other.name)} DROP CONSTRAINT IF EXISTS ${ident(constraint.name)};`),
        `ALTER TABLE ${target} DROP COLUMN IF EXISTS ${ident(name)};`,
      ]),
    ),
  }
}

/** The migration adds a column of the same name after dropping it (Prisma's way to change a type). */
function addedAgain(context: PlanContext<'column-dropped'>): boolean {
  return context.file.some(
    ({ statement, changes }) =>
      statement.index >= context.change.statement.index && changes.some((c) => c.kind === 'column-added' && c.object === context.change.object),
  )
}

/**
 * `ALTER TABLE t DROP COLUMN c` as expand/contract: first make sure B's inserts, which leave c
 * out, work while A still reads it (drop NOT NULL when c has no default); drop c only once no
 * version reads it, its own indexes first and CONCURRENTLY.
 */
export const dropColumnPlan: PlanBuilder<'column-dropped'> = (context) => {
  const split = splitColumnPlan(context)
  if (split !== undefined) return split
  const { change, options } = context
  const found = columnOfA(context, change.object)
  if ('unsupported' in found) return found
  const { table, name, column } = found
  const key = batchKey(table)
  if (key === undefined || key.includes(name)) return { unsupported: `\`${change.object}\` is (part of) the key that identifies rows of \`${table.key}\`` }
  if (addedAgain(context)) {
    return { unsupported: `\`${change.object}\` is dropped and added again by this migration: A and B need the column under one name with two meanings; rename the new one, or change the type in place` }
  }
  const target = qualified(table.name)
  const relax = column.notNull && !fillsItself(column)
  const helper = objectName(table.name.name, name, 'not_null')
  const incoming = referencingKeys(context.a, table, name)
  const expand: PlanPhase = {
    kind: 'expand',
    from: 'A',
    until: 'A',
    does: `Drops NOT NULL from \`${name}\` so that B's inserts, which leave it out, succeed.`,
    sql: transaction([`ALTER TABLE ${target} ALTER COLUMN ${ident(name)} DROP NOT NULL;`]),
    rollback: blocks(
      doBlock([
        `IF EXISTS (SELECT 1 FROM ${target} WHERE ${ident(name)} IS NULL) THEN`,
        `  RAISE EXCEPTION ${literal(`rows written by B have ${name} NULL: give them a value (UPDATE ${target} SET ${name} = … WHERE ${name} IS NULL), then run this file again`)};`,
        'END IF;',
      ]),
      addConstraintOnce(target, helper, `${ident(helper)} CHECK (${ident(name)} IS NOT NULL) NOT VALID`),
      unbounded(`ALTER TABLE ${target} VALIDATE CONSTRAINT ${ident(helper)};`, options),
      transaction([`ALTER TABLE ${target} ALTER COLUMN ${ident(name)} SET NOT NULL;`, `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(helper)};`]),
    ),
    undoes: `Restores NOT NULL (through a validated CHECK, without a long lock); stops with a message if B inserted rows with \`${name}\` NULL.`,
  }
  const contract = dropColumnContract(context, table, name, [])
  const a: ProbeTable = { table, schema: context.a, key, hints: [] }
  const b: ProbeTable = { table: context.b.tables.get(table.key) ?? table, schema: context.b, key, hints: [] }
  const plan: Plan = {
    kind: 'drop-column',
    title: `drop column \`${change.object}\``,
    object: change.object,
    at: change.at,
    why: `Version A still reads and writes \`${name}\`: once it is gone, every query of A that names it (and \`SELECT *\` mapped onto A's model) fails.`,
    deployB: `B never names \`${name}\`: not in queries, not in its ORM model (tell the ORM to ignore the column, e.g. Rails \`ignored_columns\`).`,
    phases: relax ? [expand, contract] : [contract],
    notes: [
      ...(relax
        ? [
            `\`${name}\` is NOT NULL without a default: rows B inserts have it NULL, which A may not expect when it reads them, and the expand ` +
              `rollback stops until those rows get a value. If A cannot take a NULL there, give the column a default instead ` +
              `(\`ALTER TABLE ${target} ALTER COLUMN ${ident(name)} SET DEFAULT …\`, a value A accepts) before deploying B.`,
          ]
        : []),
      ...incoming.map(({ table: other, constraint }) => `The contract phase drops foreign key \`${constraint.name}\` of \`${other.key}\`, which references \`${name}\`.`),
      `Views that select \`${name}\` make the contract phase fail: change them first.`,
      `The data in \`${name}\` is gone after the contract phase: take a backup first (e.g. \`COPY (SELECT ${key.map(ident).join(', ')}, ${ident(name)} FROM ${target}) TO …\`).`,
    ],
    probes: {
      table: table.key,
      key,
      a: [insertProbe(a, { [name]: valueFor(a, name) }), updateProbe(a, { [name]: valueFor(a, name) }, 0), selectProbe(a, [name])],
      b: [insertProbe(b, {}), selectProbe(b, [])],
      final: [insertProbe(b, {}), selectProbe(b, [])],
    },
    seeds: [],
  }
  return { plan, consumed: [] }
}
