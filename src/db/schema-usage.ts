import type { SchemaModel, TypeModel } from './schema-model.js'

/**
 * How many tables, views, types and sequences in schema `name` version A knows (origin `existing`).
 *
 * @example
 * existingObjectsIn(change.schema, 'billing') // 3
 */
export function existingObjectsIn(schema: SchemaModel, name: string): number {
  const prefix = `${name}.`
  let count = 0
  for (const objects of [schema.tables, schema.views, schema.types, schema.sequences]) {
    for (const [key, object] of objects) if (key.startsWith(prefix) && object.origin === 'existing') count++
  }
  return count
}

/**
 * Could version A use schema `name`? True when it holds objects A knows, or when rollsafe never saw the
 * schema at all (then it is assumed to exist before the migrations, like every unknown object). A schema
 * the model knows that holds only objects created by the checked migrations is new to A.
 *
 * @example
 * if (!schemaKnownToA(change.schema, change.object)) return // `create schema scratch; … drop schema scratch`
 */
export function schemaKnownToA(schema: SchemaModel, name: string): boolean {
  return !schema.schemas.has(name) || existingObjectsIn(schema, name) > 0
}

/**
 * The columns (`public.users.email`) whose type is `type`, written qualified or not, arrays included.
 *
 * @example
 * columnsOfType(change.schema, domain) // ['public.users.email', 'public.invites.email']
 */
export function columnsOfType(schema: SchemaModel, type: TypeModel): ReadonlyArray<string> {
  const names = new Set([type.key, type.name.name])
  const found: string[] = []
  for (const table of schema.tables.values()) {
    for (const column of table.columns) if (names.has(column.type.name)) found.push(`${table.key}.${column.name}`)
  }
  return found
}
