import type { DbChangeDetail } from '../change.js'
import type { SchemaModel, TableModel, TypeModel } from '../schema-model.js'
import { makeTypeRef, type TypeRef } from '../type-ref.js'
import { originOf, resolveKey, type Emitted, type ReplayScope } from './scope.js'
import { lockFacts } from '../lock-facts.js'

/** The user type a column type names, if the model knows it. */
export function userType(schema: SchemaModel, scope: ReplayScope, type: TypeRef | undefined): TypeModel | undefined {
  if (type === undefined || type.arrayDims > 0) return undefined
  const parts = type.name.split('.')
  const name = parts[parts.length - 1] ?? ''
  return schema.types.get(resolveKey(schema.types, scope, parts.length > 1 ? parts[0] : undefined, name))
}

/**
 * An enum-to-enum type change (Prisma re-creates enums: RENAME TO x_old, CREATE TYPE x, ALTER COLUMN
 * TYPE x USING …): widened when every old label is kept, and one `enum-value-dropped` per lost label.
 */
export function enumTypeChange(
  from: TypeModel | undefined,
  to: TypeModel | undefined,
  tableKey: string,
  scope: ReplayScope,
): { readonly widened: boolean; readonly dropped: ReadonlyArray<Emitted> } | undefined {
  if (from?.kind !== 'enum' || to?.kind !== 'enum') return undefined
  const lost = from.values.filter((v) => !to.values.includes(v))
  const dropped = lost.map((value): Emitted => {
    const detail: DbChangeDetail = { kind: 'enum-value-dropped', type: from, value }
    const origin = originOf(from)
    return { detail, object: `${to.key}.${value}`, origin, tableOrigin: origin, lock: lockFacts('none', scope.pgVersion, tableKey) }
  })
  return { widened: lost.length === 0, dropped }
}

/** After `ALTER TYPE a RENAME TO b`, columns of type `a` are of type `b` (PostgreSQL links them by oid). */
export function retypeColumns(schema: SchemaModel, scope: ReplayScope, fromKey: string, toKey: string): SchemaModel {
  const renamed = makeTypeRef(toKey)
  // What a type name resolves to depends only on the name here: resolve each name once, not once per column.
  const resolved = new Map<string, boolean>()
  const isRenamed = (type: TypeRef): boolean => {
    if (type.arrayDims > 0) return false
    let same = resolved.get(type.name)
    if (same === undefined) resolved.set(type.name, (same = userType(schema, scope, type)?.key === fromKey))
    return same
  }
  let tables: Map<string, TableModel> | undefined
  schema.tables.forEach((table, key) => {
    if (!table.columns.some((c) => isRenamed(c.type))) return
    const columns = table.columns.map((c) => (isRenamed(c.type) ? { ...c, type: { ...renamed, arrayDims: c.type.arrayDims } } : c))
    ;(tables ??= new Map(schema.tables)).set(key, { ...table, columns })
  })
  return tables === undefined ? schema : { ...schema, tables }
}
