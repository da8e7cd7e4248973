import type { SourceRef } from '../core/source-ref.js'
import type { ApiChange, Direction, SchemaChange, Subject } from './change.js'
import type { SchemaDiffer } from './diff-schemas.js'
import type { ApiModel, Schema } from './model.js'
import { anySchema } from './schema-refs.js'

/** One operation being compared: who it is, the shared schema comparators, and where changes go. */
export interface OperationContext {
  /** `GET /pets/{}` */
  readonly operation: string
  /** `GET /pets/{petId}`, as written in B. */
  readonly label: string
  readonly before: ApiModel
  readonly after: ApiModel
  readonly differs: Readonly<Record<Direction, SchemaDiffer>>
  readonly out: ApiChange[]
}

/** Where a schema sits in an operation: what carries it, and the response status for responses. */
export interface SchemaSite {
  readonly direction: Direction
  readonly subject: Subject
  readonly status?: string
}

/**
 * Compares the schemas at one site (a parameter, body media type or header) and adds the changes,
 * re-based onto the operation. A side without a schema allows any value.
 */
export function addSchemaChanges(
  context: OperationContext,
  site: SchemaSite,
  schemas: { readonly before?: Schema; readonly after?: Schema; readonly beforeRef: SourceRef; readonly afterRef: SourceRef },
): void {
  if (schemas.before === undefined && schemas.after === undefined) return
  const before = schemas.before ?? anySchema(schemas.beforeRef)
  const after = schemas.after ?? anySchema(schemas.afterRef)
  const changes = context.differs[site.direction].diff(before, after)
  if (changes.length === 0) return
  const status = site.status === undefined ? {} : { status: site.status }
  for (const change of changes) {
    context.out.push({
      ...change,
      operation: context.operation,
      label: context.label,
      direction: site.direction,
      subject: site.subject,
      ...status,
    } as SchemaChange)
  }
}

/**
 * The keys of two maps as one sorted list (plain code-unit order, independent of locale and of
 * the order keys appear in the input).
 *
 * @example
 * sortedKeys(new Map([['b', 1]]), new Map([['a', 2], ['b', 3]])) // ['a', 'b']
 */
export function sortedKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): string[] {
  const keys = [...a.keys()]
  for (const key of b.keys()) if (!a.has(key)) keys.push(key)
  // The default sort compares UTF-16 code units: independent of locale.
  return keys.sort()
}
