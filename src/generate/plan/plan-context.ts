import type { DbChange } from '../../db/change.js'
import type { ParsedStatement } from '../../db/parse-sql.js'
import type { ColumnModel, SchemaModel, TableModel } from '../../db/schema-model.js'
import type { Plan, PlanOptions } from './plan.js'

/** The change kinds `rollsafe plan` splits into phases. */
export type PlannableKind =
  | 'column-renamed'
  | 'table-renamed'
  | 'column-type-changed'
  | 'column-dropped'
  | 'table-dropped'
  | 'column-set-not-null'
  | 'constraint-added'

export type PlannableChange<K extends PlannableKind = PlannableKind> = Extract<DbChange, { kind: K }>

/** A statement of the migration with the changes replay found in it. */
export interface FileStatement {
  readonly statement: ParsedStatement
  readonly changes: ReadonlyArray<DbChange>
}

/**
 * What a plan builder gets: the change, both schema versions, the migration's other statements
 * (an UPDATE that fills a column before SET NOT NULL becomes the backfill) and the options.
 *
 * @example
 * const result = renameColumnPlan(context)
 * if ('plan' in result) write(result.plan)
 */
export interface PlanContext<K extends PlannableKind = PlannableKind> {
  readonly change: PlannableChange<K>
  /** Version A's schema: before the migration. */
  readonly a: SchemaModel
  /** Version B's: after the whole migration. */
  readonly b: SchemaModel
  /** The ALTER TABLE subcommand the change came from as written, else the whole statement. */
  readonly command: string
  /** Its AST (`AlterTableCmd` body), when it is an ALTER TABLE subcommand. */
  readonly commandNode?: Readonly<Record<string, unknown>>
  readonly file: ReadonlyArray<FileStatement>
  /** The migration's text, comments included (`-- rollsafe-plan:` hints live there). */
  readonly source: string
  readonly options: PlanOptions
}

export type PlanResult =
  | {
      readonly plan: Plan
      /** Indexes of other statements the plan took over (they are not carried into the expand phase). */
      readonly consumed: ReadonlyArray<number>
    }
  | { readonly unsupported: string }

export type PlanBuilder<K extends PlannableKind> = (context: PlanContext<K>) => PlanResult

/** The table in version A's schema, with a message when rollsafe does not know it. */
export function tableOfA(context: Pick<PlanContext, 'a'>, key: string): TableModel | string {
  return (
    context.a.tables.get(key) ??
    `rollsafe does not know table \`${key}\`: give the schema the migration starts from (--schema or --history)`
  )
}

/**
 * The column a change names (`public.users.email`) and its table, both in version A's schema, or
 * the message saying why rollsafe cannot plan for it.
 */
export function columnOfA(
  context: Pick<PlanContext, 'a'>,
  object: string,
): { readonly table: TableModel; readonly name: string; readonly column: ColumnModel } | { readonly unsupported: string } {
  const table = tableOfA(context, tableKeyOf(object))
  if (typeof table === 'string') return { unsupported: table }
  const name = lastPart(object)
  const column = table.columns.find((c) => c.name === name)
  if (column === undefined) return { unsupported: `rollsafe does not know column \`${object}\`` }
  return { table, name, column }
}

/** `public.users.email` → `email`. */
export function lastPart(object: string): string {
  return object.slice(object.lastIndexOf('.') + 1)
}

/** `public.users.email` → `public.users`. */
export function tableKeyOf(object: string): string {
  return object.slice(0, object.lastIndexOf('.'))
}

/** The table a plan is about, in version A's schema and in B's (undefined when B drops it). */
export function planTables(plan: Pick<Plan, 'kind' | 'object' | 'probes'>): { readonly a: string; readonly b?: string } {
  if (plan.kind === 'rename-table') return { a: plan.object, b: plan.probes.table }
  if (plan.kind === 'drop-table') return { a: plan.object }
  const key = tableKeyOf(plan.object)
  return { a: key, b: key }
}
