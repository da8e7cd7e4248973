import type { AlterTableStmt, RangeVar } from 'libpg-query'
import type { SourceRef } from '../../core/source-ref.js'
import type { DbChange } from '../../db/change.js'
import type { ParsedFile } from '../../db/parse-sql.js'
import { nodeOf } from '../../db/pg-ast.js'
import type { SchemaModel } from '../../db/schema-model.js'
import { settingOf, transactionControl } from '../../db/transaction-tracker.js'
import { planBuilders } from './plan-builders.js'
import { isPlannable } from './plannable.js'
import type { FileStatement, PlanContext, PlannableChange, PlannableKind } from './plan-context.js'
import type { Plan, PlanOptions } from './plan.js'
import { ident } from './sql.js'
import { commandsOf, type Command } from './alter-commands.js'
import { undoOf } from './undo-carried.js'

/** A statement of the migration that needs no plan: it runs as written in the expand phase. */
export interface CarriedStatement {
  readonly index: number
  readonly at: SourceRef
  readonly sql: string
  /**
   * `expand` for what adds; `contract` for what removes (a type, an index, a constraint, a default):
   * run after the plans' contracts, once A is gone, since a removed object may still serve A or a
   * column the plans replace only then (Prisma's `DROP TYPE "Status_old"`).
   */
  readonly phase: 'expand' | 'contract'
  /** What undoes it in the expand rollback; undefined when rollsafe cannot undo it. */
  readonly undo?: string
}

/** A change rollsafe would split but cannot, with the reason. */
export interface Unsupported {
  readonly at: SourceRef
  readonly object: string
  readonly kind: PlannableKind
  readonly reason: string
}

/** Everything `rollsafe plan` makes of one migration. */
export interface MigrationSplit {
  readonly file: string
  /** Plans in statement order, each with the index of its statement. */
  readonly plans: ReadonlyArray<{ readonly index: number; readonly plan: Plan }>
  readonly carried: ReadonlyArray<CarriedStatement>
  readonly unsupported: ReadonlyArray<Unsupported>
}

const ownSettings = new Set(['lock_timeout', 'statement_timeout'])

/**
 * A carried statement's SQL. A named CREATE INDEX on a table version A already has is built
 * CONCURRENTLY IF NOT EXISTS: a plain build blocks A's writes for as long as it runs, and the
 * expand file must be safe to run again after a lock timeout.
 */
function carriedSql(text: string, changes: ReadonlyArray<DbChange>): string {
  const index = changes.find((c) => c.kind === 'index-created')
  if (index === undefined || index.kind !== 'index-created' || index.concurrently || !index.named) return `${text};`
  if (index.tableOrigin !== 'existing' || changes.length !== 1) return `${text};`
  const head = /^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+)(IF\s+NOT\s+EXISTS\s+)?/i.exec(text)
  if (head === null) return `${text};`
  const words = head[1] === head[1]?.toLowerCase() ? 'concurrently if not exists' : 'CONCURRENTLY IF NOT EXISTS'
  return `${head[1]}${words} ${text.slice(head[0].length)};`
}

/** BEGIN/COMMIT and the migration's own timeouts: the plan's files set their own. */
function isRunnerNoise(node: unknown): boolean {
  if (transactionControl(node) !== undefined) return true
  const setting = settingOf(node)
  return setting !== undefined && ownSettings.has(setting.name)
}

const subtypes: Partial<Record<PlannableKind, string>> = {
  'column-type-changed': 'AT_AlterColumnType',
  'column-dropped': 'AT_DropColumn',
  'column-set-not-null': 'AT_SetNotNull',
  'constraint-added': 'AT_AddConstraint',
}

/** Which subcommand of an ALTER TABLE a change came from. */
function commandOf(change: PlannableChange, commands: ReadonlyArray<Command>, taken: ReadonlySet<number>): number {
  const subtype = subtypes[change.kind]
  const name = change.object.slice(change.object.lastIndexOf('.') + 1)
  return commands.findIndex((command, i) => {
    if (taken.has(i) || command.node['subtype'] !== subtype) return false
    if (change.kind !== 'constraint-added') return command.node['name'] === name
    const constraint = nodeOf<{ conname?: string }>(command.node['def'], 'Constraint')
    return constraint?.conname === undefined || constraint.conname === change.constraint.name
  })
}

const removing = new Set<DbChange['kind']>([
  'type-dropped',
  'index-dropped',
  'constraint-dropped',
  'view-dropped',
  'table-truncated',
  'column-default-dropped',
])
const creating = new Set<DbChange['kind']>(['type-created', 'index-created', 'constraint-added', 'view-created', 'table-created'])

/** Where a carried statement runs: a removal moves to the contract phase unless the file creates the same name again later. */
function phaseOf(changes: ReadonlyArray<DbChange>, file: ReadonlyArray<FileStatement>): CarriedStatement['phase'] {
  if (changes.length === 0 || !changes.every((c) => removing.has(c.kind))) return 'expand'
  const recreated = changes.some((c) =>
    file.some(({ statement, changes: later }) => statement.index > c.statement.index && later.some((l) => creating.has(l.kind) && l.object === c.object)),
  )
  return recreated ? 'expand' : 'contract'
}

/** The column or constraint a subcommand is about. */
function commandName(command: Command): string | undefined {
  const column = nodeOf<{ colname?: string }>(command.node['def'], 'ColumnDef')
  const constraint = nodeOf<{ conname?: string }>(command.node['def'], 'Constraint')
  return (command.node['name'] as string | undefined) ?? column?.colname ?? constraint?.conname
}

function relationText(statement: FileStatement['statement']): string {
  const alter = nodeOf<AlterTableStmt & { missing_ok?: boolean }>(statement.node, 'AlterTableStmt')
  const rv: RangeVar | undefined = alter?.relation
  const name = `${rv?.schemaname ? `${ident(rv.schemaname)}.` : ''}${ident(rv?.relname ?? '')}`
  return `ALTER TABLE ${alter?.missing_ok ? 'IF EXISTS ' : ''}${rv?.inh === false ? 'ONLY ' : ''}${name}`
}

/**
 * Finds the changes of a migration that need expand/contract, builds a plan for each, and keeps
 * every other statement (or ALTER TABLE subcommand) to run as written in the expand phase.
 *
 * @example
 * const split = splitMigration(parsed, changes, schemaA, schemaB, defaultPlanOptions)
 * split.plans.map((p) => p.plan.kind) // ['rename-column']
 */
export function splitMigration(
  parsed: ParsedFile,
  changes: ReadonlyArray<DbChange>,
  a: SchemaModel,
  b: SchemaModel,
  options: PlanOptions,
): MigrationSplit {
  const file: FileStatement[] = parsed.statements.map((statement) => ({
    statement,
    changes: changes.filter((c) => c.at.file === parsed.file && c.statement.index === statement.index && c.kind !== 'statement'),
  }))
  const plans: Array<{ index: number; plan: Plan }> = []
  const carried: CarriedStatement[] = []
  const unsupported: Unsupported[] = []
  const consumed = new Set<number>()
  for (const { statement, changes: found } of file) {
    if (isRunnerNoise(statement.node)) continue
    const planned = found.filter(isPlannable)
    if (planned.length === 0) {
      carried.push({ index: statement.index, at: statement.at, sql: carriedSql(statement.text, found), phase: phaseOf(found, file), ...undoOf(found) })
      continue
    }
    const commands = commandsOf(statement)
    const taken = new Set<number>()
    for (const change of planned) {
      const at = commands === undefined ? -1 : commandOf(change, commands, taken)
      if (at >= 0) taken.add(at)
      const command = commands?.[at]
      const context: PlanContext = {
        change,
        a,
        b,
        command: command?.text ?? statement.text,
        ...(command === undefined ? {} : { commandNode: command.node }),
        file,
        source: parsed.source.text,
        options,
      }
      const result = (planBuilders[change.kind] as (c: PlanContext) => ReturnType<(typeof planBuilders)[PlannableKind]>)(context)
      if ('unsupported' in result) {
        unsupported.push({ at: change.at, object: change.object, kind: change.kind, reason: result.unsupported })
        continue
      }
      plans.push({ index: statement.index, plan: result.plan })
      result.consumed.forEach((i) => consumed.add(i))
    }
    if (commands === undefined) continue
    const rest = found.filter((c) => !planned.includes(c as PlannableChange))
    commands.forEach((command, i) => {
      if (taken.has(i)) return
      const sql = `${relationText(statement)} ${command.text};`
      const name = commandName(command)
      const own = rest.filter((c) => c.object.slice(c.object.lastIndexOf('.') + 1) === name)
      carried.push({ index: statement.index, at: statement.at, sql, phase: phaseOf(own, file), ...undoOf(own) })
    })
  }
  // Removals on a table a plan drops anyway (Prisma drops its foreign keys first): the parked table has another name by then.
  const dropped = new Set(plans.filter(({ plan }) => plan.kind === 'drop-table').map(({ plan }) => plan.object))
  const moot = new Set(
    file
      .filter(({ changes }) => changes.length > 0 && changes.every((c) => removing.has(c.kind) && dropped.has((c as { table?: { key: string } }).table?.key ?? '')))
      .map(({ statement }) => statement.index),
  )
  return { file: parsed.file, plans, carried: carried.filter((c) => !consumed.has(c.index) && !moot.has(c.index)), unsupported }
}
