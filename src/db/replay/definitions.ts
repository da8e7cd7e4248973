import type { ColumnDef, Constraint } from 'libpg-query'
import { expressionInfo, notNullCheckColumn } from '../expression.js'
import { nodeOf, someNode, stringList, type QualifiedName } from '../pg-ast.js'
import type { ColumnModel, ConstraintModel, ConstraintType, IndexModel, SchemaModel } from '../schema-model.js'
import { makeTypeRef, serialBase, typeRefOf } from '../type-ref.js'
import { relationKey, type ReplayScope } from './scope.js'

/** A constraint as declared, with what the model does not keep. */
export interface ConstraintSpec {
  readonly constraint: ConstraintModel
  readonly notValid: boolean
  readonly usingIndex?: string
  readonly inline: boolean
}

export interface ColumnBuild {
  readonly column: ColumnModel
  readonly serial: boolean
  readonly constraints: ReadonlyArray<ConstraintSpec>
}

const constraintTypes: Readonly<Record<string, ConstraintType>> = {
  CONSTR_CHECK: 'check',
  CONSTR_PRIMARY: 'primary-key',
  CONSTR_UNIQUE: 'unique',
  CONSTR_FOREIGN: 'foreign-key',
  CONSTR_EXCLUSION: 'exclude',
  CONSTR_NOTNULL: 'not-null',
}

const nameSuffix: Readonly<Record<ConstraintType, string>> = {
  check: 'check',
  'primary-key': 'pkey',
  unique: 'key',
  'foreign-key': 'fkey',
  exclude: 'excl',
  'not-null': 'not_null',
}

/** Column names a CHECK expression mentions, in order of appearance. */
function referencedColumns(node: unknown): string[] {
  const names: string[] = []
  someNode(node, (type, body) => {
    if (type === 'ColumnRef') {
      const fields = stringList((body as { fields?: unknown[] }).fields)
      const last = fields[fields.length - 1]
      if (last !== undefined && !names.includes(last)) names.push(last)
    }
    return false
  })
  return names
}

/** PostgreSQL's default constraint name: `users_pkey`, `users_email_key`, `users_org_id_fkey`. */
export function defaultConstraintName(table: string, type: ConstraintType, columns: ReadonlyArray<string>): string {
  if (type === 'primary-key') return `${table}_pkey`
  const middle = type === 'unique' || type === 'exclude' ? columns.join('_') : (columns[0] ?? '')
  return [table, middle, nameSuffix[type]].filter((p) => p !== '').join('_')
}

/** Builds a table or column constraint; `column` is set for constraints written on a column. */
export function buildConstraint(
  c: Constraint,
  table: QualifiedName,
  schema: SchemaModel,
  scope: ReplayScope,
  column?: string,
): ConstraintSpec | undefined {
  const type = constraintTypes[c.contype ?? '']
  if (type === undefined) return undefined
  const keys = stringList(c.keys)
  const fkColumns = stringList(c.fk_attrs)
  const exclusionColumns = (c.exclusions ?? []).flatMap((e) => {
    const list = nodeOf<{ items?: unknown[] }>(e, 'List')?.items ?? []
    const elem = nodeOf<{ name?: string }>(list[0], 'IndexElem')
    return elem?.name ? [elem.name] : []
  })
  // `… PRIMARY KEY USING INDEX idx` names no columns: they are the index's.
  const indexColumns = c.indexname === undefined ? undefined : schema.indexes.get(`${table.schema}.${c.indexname}`)?.columns
  const columns =
    indexColumns !== undefined && keys.length === 0
      ? indexColumns
      : column !== undefined
      ? [column]
      : type === 'foreign-key'
        ? fkColumns
        : type === 'check'
          ? referencedColumns(c.raw_expr)
          : type === 'exclude'
            ? exclusionColumns
            : keys
  const name = c.conname ?? defaultConstraintName(table.name, type, columns)
  const notValid = Boolean(c.skip_validation)
  const expression = c.raw_expr === undefined ? undefined : expressionInfo(c.raw_expr, schema.stableFunctions)
  const notNullColumn = type === 'check' ? notNullCheckColumn(c.raw_expr) : undefined
  const references =
    type === 'foreign-key'
      ? { table: relationKey(schema, scope, c.pktable), columns: stringList(c.pk_attrs) }
      : undefined
  const backed = type === 'unique' || type === 'primary-key' || type === 'exclude'
  const constraint: ConstraintModel = {
    name,
    type,
    columns,
    valid: !notValid,
    ...(expression === undefined ? {} : { expression }),
    ...(notNullColumn === undefined ? {} : { notNullColumn }),
    ...(references === undefined ? {} : { references }),
    ...(backed ? { index: c.indexname ?? name } : {}),
    origin: 'file',
  }
  return { constraint, notValid, ...(c.indexname ? { usingIndex: c.indexname } : {}), inline: column !== undefined }
}

/** Builds a column from its definition (CREATE TABLE or ADD COLUMN). */
export function buildColumn(
  def: ColumnDef,
  table: QualifiedName,
  schema: SchemaModel,
  scope: ReplayScope,
): ColumnBuild {
  const written = typeRefOf(def.typeName)
  const base = serialBase(written)
  const type = base === undefined ? written : makeTypeRef(base)
  const name = def.colname ?? ''
  let notNull = Boolean(def.is_not_null) || base !== undefined
  let defaultNode: unknown =
    base === undefined
      ? def.raw_default
      : { FuncCall: { funcname: [{ String: { sval: 'nextval' } }], args: [] } }
  let generated: ColumnModel['generated']
  let identity: ColumnModel['identity']
  const constraints: ConstraintSpec[] = []
  for (const node of def.constraints ?? []) {
    const c = nodeOf<Constraint>(node, 'Constraint')
    if (c === undefined) continue
    if (c.contype === 'CONSTR_NOTNULL') notNull = true
    else if (c.contype === 'CONSTR_NULL') notNull = false
    else if (c.contype === 'CONSTR_DEFAULT') defaultNode = c.raw_expr
    else if (c.contype === 'CONSTR_IDENTITY') identity = c.generated_when === 'a' ? 'always' : 'by-default'
    else if (c.contype === 'CONSTR_GENERATED') {
      generated = c.generated_kind === 'v' ? 'virtual' : 'stored'
      defaultNode = undefined
    } else {
      const spec = buildConstraint(c, table, schema, scope, name)
      if (spec === undefined) continue
      if (spec.constraint.type === 'primary-key') notNull = true
      constraints.push(spec)
    }
  }
  if (identity !== undefined) notNull = true
  const column: ColumnModel = {
    name,
    type,
    notNull,
    ...(defaultNode === undefined ? {} : { default: expressionInfo(defaultNode, schema.stableFunctions) }),
    ...(generated === undefined ? {} : { generated }),
    ...(identity === undefined ? {} : { identity }),
    origin: 'file',
  }
  return { column, serial: base !== undefined, constraints }
}

/** The index PostgreSQL builds for a UNIQUE / PRIMARY KEY / EXCLUDE constraint. */
export function constraintIndex(constraint: ConstraintModel, table: QualifiedName): IndexModel | undefined {
  if (constraint.index === undefined) return undefined
  return {
    key: `${table.schema}.${constraint.index}`,
    name: { schema: table.schema, name: constraint.index },
    table: `${table.schema}.${table.name}`,
    unique: constraint.type !== 'exclude',
    columns: constraint.columns,
    partial: false,
    method: constraint.type === 'exclude' ? 'gist' : 'btree',
    constraint: constraint.name,
    origin: 'file',
  }
}
