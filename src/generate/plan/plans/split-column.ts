import { backfillSql, pendingRowsSql } from '../backfill.js'
import { transaction } from '../phase-sql.js'
import type { PlanContext, PlanResult } from '../plan-context.js'
import { lastPart, tableKeyOf, tableOfA } from '../plan-context.js'
import type { Plan } from '../plan.js'
import { insertProbe, selectProbe, updateProbe, valueFor, type ProbeTable } from '../probes.js'
import { ident } from '../sql.js'
import { updateParts } from '../statement-parts.js'
import { syncTrigger, triggerPresentSql, tupleOf } from '../sync-trigger.js'
import { backfillKey } from '../table-facts.js'
import { dropColumnContract } from './drop-column.js'

/** `-- rollsafe-plan: full_name = first_name || ' ' || last_name`: how B's columns make A's one. */
export function combineHint(source: string, column: string): string | undefined {
  for (const match of source.matchAll(/^\s*--\s*rollsafe-plan:\s*("?)([^"\s=]+)\1\s*=\s*(.+?)\s*$/gm)) {
    if (match[2] === column && match[3]) return match[3]
  }
  return undefined
}

interface Split {
  /** New column → its expression over the old row, as the UPDATE wrote it. */
  readonly parts: ReadonlyArray<readonly [string, string]>
  readonly where?: string
  readonly index: number
}

/** The migration adds columns, fills them from `column` with an UPDATE, then drops `column`. */
function findSplit(context: PlanContext<'column-dropped'>, tableKey: string, column: string): Split | undefined {
  const added = new Set(
    context.file
      .flatMap((s) => s.changes)
      .filter((c) => c.kind === 'column-added' && !c.inCreateTable && tableKeyOf(c.object) === tableKey)
      .map((c) => lastPart(c.object)),
  )
  const mentions = new RegExp(`(^|[^\\w$"])${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w$"])`)
  for (const { statement, changes } of context.file) {
    if (statement.index >= context.change.statement.index) break
    if (!changes.some((c) => c.kind === 'data-modified' && c.operation === 'update' && c.object === tableKey)) continue
    const { assignments, where, complex } = updateParts(statement.text)
    const parts = [...assignments]
    if (complex || parts.length === 0 || !parts.every(([name, value]) => added.has(name) && mentions.test(value))) continue
    return { parts, ...(where === undefined ? {} : { where }), index: statement.index }
  }
  return undefined
}

/**
 * `ADD COLUMN a, ADD COLUMN b; UPDATE t SET a = f(c), b = g(c); DROP COLUMN c` as expand/contract:
 * a trigger computes a and b from A's writes of c, and c from B's writes of a and b (the
 * migration says how, in a `-- rollsafe-plan: c = …` comment), a batched backfill replaces the
 * UPDATE, and c is dropped once A is gone. Undefined when the drop is no split.
 */
export function splitColumnPlan(context: PlanContext<'column-dropped'>): PlanResult | undefined {
  const { change, options } = context
  const tableKey = tableKeyOf(change.object)
  const name = lastPart(change.object)
  const split = findSplit(context, tableKey, name)
  if (split === undefined) return undefined
  const table = tableOfA(context, tableKey)
  if (typeof table === 'string') return { unsupported: table }
  const key = backfillKey(table)
  if ('unsupported' in key) return key
  const columns = split.parts.map(([column]) => column)
  const combine = combineHint(context.source, name)
  if (combine === undefined) {
    return {
      unsupported:
        `\`${change.object}\` is split into ${columns.join(', ')}: say how version B's columns make A's, in a comment such as ` +
        `\`-- rollsafe-plan: ${name} = <an expression of ${columns.join(', ')}>\`, so that B's writes reach A`,
    }
  }
  const onNew = (expression: string): string => `(SELECT ${expression} FROM (SELECT NEW.*) AS ${ident(table.name.name)})`
  const sync = syncTrigger({ table, oldColumn: name, targets: split.parts.map(([column, value]) => ({ column, up: onNew(value) })), down: onNew(combine) })
  const fresh = tupleOf(columns.map(ident))
  const computed = tupleOf(split.parts.map(([, value]) => `(${value})`))
  const inStep = `${fresh} IS NOT DISTINCT FROM ${computed}`
  const pending = `${fresh} IS DISTINCT FROM ${computed}${split.where === undefined ? '' : ` AND (${split.where})`}`
  const a: ProbeTable = { table, schema: context.a, key, hints: [] }
  const b: ProbeTable = { table: context.b.tables.get(table.key) ?? table, schema: context.b, key, hints: [] }
  const bValues = (): Record<string, string> => Object.fromEntries(columns.map((c) => [c, valueFor(b, c)]))
  const list = columns.map((c) => `\`${c}\``).join(', ')
  const plan: Plan = {
    kind: 'split-column',
    title: `split \`${change.object}\` into ${list}`,
    object: change.object,
    at: change.at,
    why: `Version A reads and writes \`${name}\`: it would not see what B writes to ${list}, and fails once \`${name}\` is dropped.`,
    deployB: `B reads and writes ${list} (its reads behind the toggle below) and never names \`${name}\`.`,
    toggle: { after: 'backfill', text: `B's reads of ${list}: off until the backfill gate passes, then on.` },
    phases: [
      {
        kind: 'expand',
        from: 'A',
        until: 'A',
        does: `Adds a trigger that computes ${list} from A's writes of \`${name}\`, and \`${name}\` from B's writes of ${list} (\`${combine}\`).`,
        sql: transaction([sync.create]),
        rollback: transaction([sync.drop]),
        undoes: `Drops the trigger; \`${name}\` holds every write, A's and B's.`,
        gate: { check: `The trigger \`${sync.triggerName}\` exists and is enabled.`, sql: triggerPresentSql(table, sync.triggerName) },
      },
      {
        kind: 'backfill',
        from: 'A',
        until: 'A+B',
        does: `Fills ${list} from \`${name}\` as the migration's UPDATE did, in batches of ${options.batchSize}.`,
        sql: backfillSql({ table, key, set: split.parts.map(([column, value]) => `${ident(column)} = ${value}`).join(', '), pending, name: `${table.name.name}_${name}` }, options),
        rollback: '',
        undoes: `Nothing to undo: the backfill only wrote ${list}.`,
        gate: { check: `Every row has ${list} as computed from \`${name}\`.`, sql: pendingRowsSql(table, pending) },
      },
      dropColumnContract(context, table, name, [sync.drop]),
    ],
    notes: [
      `Rows are in step when ${list} equal what the UPDATE computes from \`${name}\`: values B writes that \`${combine}\` and the UPDATE do not turn back into themselves (a first name with a space, say) are stored in \`${name}\` as well, and read back differently by A.`,
    ],
    probes: {
      table: table.key,
      key,
      a: [insertProbe(a, { [name]: valueFor(a, name) }), updateProbe(a, { [name]: valueFor(a, name) }, 0), selectProbe(a, [name])],
      b: [insertProbe(b, bValues()), updateProbe(b, bValues(), 1), selectProbe(b, columns)],
      final: [insertProbe(b, bValues()), selectProbe(b, columns)],
      inStep,
      dualWrite: true,
      convergedAfter: 'backfill',
    },
    seeds: [],
  }
  return { plan, consumed: [split.index] }
}
