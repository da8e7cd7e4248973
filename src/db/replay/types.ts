import type { AlterDomainStmt, AlterEnumStmt, CompositeTypeStmt, Constraint, CreateDomainStmt, CreateEnumStmt, CreateRangeStmt } from 'libpg-query'
import type { DbChangeDetail } from '../change.js'
import { listName, nodeOf, qualify, stringList } from '../pg-ast.js'
import { withEntry, type SchemaModel, type TypeModel } from '../schema-model.js'
import { typeRefOf } from '../type-ref.js'
import { onObject, originOf, resolveKey, type ReplayScope, type StatementEffect } from './scope.js'

function created(schema: SchemaModel, type: TypeModel, scope: ReplayScope): StatementEffect {
  return {
    schema: { ...schema, types: withEntry(schema.types, type.key, type) },
    emitted: [onObject({ kind: 'type-created', type }, type.key, 'file', 'none', scope)],
  }
}

function newType(parts: ReadonlyArray<string>, scope: ReplayScope, kind: TypeModel['kind']): TypeModel {
  const name = listName(parts, scope.searchPath[0] ?? 'public')
  return { key: qualify(name), name, kind, values: [], constrained: false, origin: 'file' }
}

export function createEnum(s: CreateEnumStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const type = { ...newType(stringList(s.typeName), scope, 'enum'), values: stringList(s.vals) }
  return created(schema, type, scope)
}

export function createComposite(s: CompositeTypeStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const parts = [s.typevar?.schemaname, s.typevar?.relname ?? ''].filter((p): p is string => p !== undefined)
  return created(schema, newType(parts, scope, 'composite'), scope)
}

export function createRange(s: CreateRangeStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  return created(schema, newType(stringList(s.typeName), scope, 'range'), scope)
}

export function createDomain(s: CreateDomainStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const constrained = (s.constraints ?? []).some((c) => {
    const type = nodeOf<Constraint>(c, 'Constraint')?.contype
    return type === 'CONSTR_CHECK' || type === 'CONSTR_NOTNULL'
  })
  const type = { ...newType(stringList(s.domainname), scope, 'domain'), base: typeRefOf(s.typeName), constrained }
  return created(schema, type, scope)
}

function typeKey(schema: SchemaModel, scope: ReplayScope, names: ReadonlyArray<unknown> | undefined): string {
  const parts = stringList(names)
  const name = parts[parts.length - 1] ?? ''
  return resolveKey(schema.types, scope, parts.length >= 2 ? parts[parts.length - 2] : undefined, name)
}

/** ALTER TYPE … ADD VALUE / RENAME VALUE. */
export function alterEnum(s: AlterEnumStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const key = typeKey(schema, scope, s.typeName)
  const type = schema.types.get(key)
  if (s.oldVal !== undefined) {
    const from = s.oldVal
    const to = s.newVal ?? ''
    const next = type && { ...type, values: type.values.map((v) => (v === from ? to : v)) }
    const detail: DbChangeDetail = { kind: 'enum-value-renamed', ...(type ? { type } : {}), from, to }
    return { schema: next ? { ...schema, types: withEntry(schema.types, key, next) } : schema, emitted: [onObject(detail, `${key}.${from}`, originOf(type), 'none', scope)] }
  }
  const value = s.newVal ?? ''
  if (s.skipIfNewValExists && type?.values.includes(value)) return { schema, emitted: [] }
  const neighbor = s.newValNeighbor === undefined ? undefined : { value: s.newValNeighbor, after: Boolean(s.newValIsAfter) }
  let values = [...(type?.values ?? [])]
  const at = neighbor === undefined ? -1 : values.indexOf(neighbor.value)
  if (at === -1) values.push(value)
  else values.splice(neighbor?.after ? at + 1 : at, 0, value)
  const next = type && { ...type, values }
  const detail: DbChangeDetail = { kind: 'enum-value-added', ...(type ? { type } : {}), value, ...(neighbor ? { neighbor } : {}), ifNotExists: Boolean(s.skipIfNewValExists) }
  return { schema: next ? { ...schema, types: withEntry(schema.types, key, next) } : schema, emitted: [onObject(detail, `${key}.${value}`, 'file', 'enum-add-value', scope)] }
}

/** ALTER DOMAIN … ADD CONSTRAINT (others are tolerated without a change). */
export function alterDomain(s: AlterDomainStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  if (s.subtype !== 'C') return { schema, emitted: [] }
  const key = typeKey(schema, scope, s.typeName)
  const type = schema.types.get(key)
  const notValid = Boolean(nodeOf<Constraint>(s.def, 'Constraint')?.skip_validation)
  const next = type && { ...type, constrained: true }
  const detail: DbChangeDetail = { kind: 'domain-constraint-added', ...(type ? { type } : {}), notValid }
  return { schema: next ? { ...schema, types: withEntry(schema.types, key, next) } : schema, emitted: [onObject(detail, key, originOf(type), 'none', scope)] }
}
