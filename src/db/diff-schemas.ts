import { inputError } from '../core/errors.js'
import type { DbChange } from './change.js'
import { createdTable, diffTable, type DiffFiles, type DiffItem } from './diff-tables.js'
import { lockFacts } from './lock-facts.js'
import { moveTable } from './replay/rename.js'
import type { SchemaModel } from './schema-model.js'

/** A `--rename` hint: `schema.table=new` (table) or `schema.table.column=new` (column). */
export interface RenameHint {
  readonly from: ReadonlyArray<string>
  readonly to: string
}

export function parseRenames(values: ReadonlyArray<string>): RenameHint[] {
  return values.map((value) => {
    const [left = '', to = ''] = value.split('=')
    const from = left.split('.').filter((p) => p !== '')
    if (from.length === 0 || from.length > 3 || to === '' || to.includes('.')) {
      throw inputError('--rename', `takes table.old=new or schema.table.column=new, not '${value}'`)
    }
    return { from, to }
  })
}

interface ResolvedRenames {
  readonly tables: ReadonlyMap<string, string>
  /** Table key → old column → new column. */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, string>>
}

function resolveRenames(before: SchemaModel, hints: ReadonlyArray<RenameHint>): ResolvedRenames {
  const tables = new Map<string, string>()
  const columns = new Map<string, Map<string, string>>()
  const addColumn = (table: string, from: string, to: string): void => {
    columns.set(table, (columns.get(table) ?? new Map<string, string>()).set(from, to))
  }
  for (const { from, to } of hints) {
    if (from.length === 3) addColumn(`${from[0]}.${from[1]}`, from[2]!, to)
    else if (from.length === 2 && before.tables.has(from.join('.'))) tables.set(from.join('.'), `${from[0]}.${to}`)
    else if (from.length === 2) addColumn(`public.${from[0]}`, from[1]!, to)
    else tables.set(`public.${from[0]}`, `public.${to}`)
  }
  return { tables, columns }
}

function typesAndViews(before: SchemaModel, after: SchemaModel, files: DiffFiles): DiffItem[] {
  const items: DiffItem[] = []
  const base = { origin: 'existing' as const, tableOrigin: 'existing' as const, action: 'none' as const }
  for (const [key, type] of before.types) {
    const now = after.types.get(key)
    const at = type.definedAt ?? { file: files.from }
    if (now === undefined) {
      items.push({ ...base, object: key, at, detail: { kind: 'type-dropped', type, cascade: false } })
      continue
    }
    for (const value of type.values) {
      if (!now.values.includes(value)) items.push({ ...base, object: `${key}.${value}`, at, detail: { kind: 'enum-value-dropped', type, value } })
    }
    for (const value of now.values) {
      if (type.values.includes(value)) continue
      const i = now.values.indexOf(value)
      const neighbor = i + 1 < now.values.length ? { value: now.values[i + 1]!, after: false } : undefined
      const detail = { kind: 'enum-value-added' as const, type, value, ...(neighbor ? { neighbor } : {}), ifNotExists: false }
      items.push({ ...base, origin: 'file', object: `${key}.${value}`, at: now.definedAt ?? { file: files.to }, action: 'enum-add-value', detail })
    }
  }
  for (const [key, type] of after.types) {
    if (!before.types.has(key)) items.push({ ...base, origin: 'file', tableOrigin: 'file', object: key, at: type.definedAt ?? { file: files.to }, detail: { kind: 'type-created', type } })
  }
  for (const [key, view] of before.views) {
    if (!after.views.has(key)) items.push({ ...base, object: key, at: view.definedAt ?? { file: files.from }, action: 'drop-view', lockTable: key, detail: { kind: 'view-dropped', view, materialized: view.materialized } })
  }
  return items
}

function indexItems(before: SchemaModel, after: SchemaModel, files: DiffFiles): DiffItem[] {
  const items: DiffItem[] = []
  for (const [key, index] of before.indexes) {
    if (index.constraint !== undefined || after.indexes.has(key)) continue
    const table = before.tables.get(index.table)
    const detail = { kind: 'index-dropped' as const, table, name: key, index, concurrently: false, ifExists: false }
    items.push({ detail, object: key, origin: 'existing', tableOrigin: 'existing', action: 'drop-index', lockTable: index.table, at: index.definedAt ?? { file: files.from } })
  }
  for (const [key, index] of after.indexes) {
    if (index.constraint !== undefined || before.indexes.has(key)) continue
    const table = before.tables.get(index.table)
    const tableOrigin = table === undefined ? 'file' : 'existing'
    const detail = { kind: 'index-created' as const, table, index, concurrently: false, ifNotExists: false, named: true }
    items.push({ detail, object: key, origin: 'file', tableOrigin, action: 'create-index', lockTable: index.table, at: index.definedAt ?? { file: files.to } })
  }
  return items
}

/**
 * The changes that take schema `before` to `after`, as the same `DbChange` kinds a migration gives.
 * Without a rename hint, a renamed table or column is a drop plus an add.
 *
 * @example
 * diffSchemas(old, next, { from: 'v1.sql', to: 'v2.sql' }, parseRenames(['public.users.mail=email']))
 */
export function diffSchemas(before: SchemaModel, after: SchemaModel, files: DiffFiles, hints: ReadonlyArray<RenameHint> = [], pgVersion = 15): DbChange[] {
  const renames = resolveRenames(before, hints)
  const items: DiffItem[] = []
  let moved = before
  for (const [from, to] of renames.tables) {
    const table = before.tables.get(from)
    if (table === undefined || !after.tables.has(to)) throw inputError('--rename', `no table ${from} in ${files.from} and ${to} in ${files.to}`)
    items.push({ object: from, origin: 'existing', tableOrigin: 'existing', action: 'rename-table', lockTable: from, at: after.tables.get(to)?.definedAt ?? { file: files.to }, detail: { kind: 'table-renamed', table, from, to, recreated: false } })
    moved = moveTable(moved, from, { schema: to.split('.')[0]!, name: to.split('.').slice(1).join('.') })
  }
  for (const [key, table] of moved.tables) {
    const now = after.tables.get(key)
    if (now === undefined) {
      items.push({ object: key, origin: 'existing', tableOrigin: 'existing', action: 'drop-table', lockTable: key, at: table.definedAt ?? { file: files.from }, detail: { kind: 'table-dropped', table, cascade: false } })
    } else items.push(...diffTable(table, now, files, renames.columns.get(key) ?? new Map()))
  }
  for (const [key, table] of after.tables) if (!moved.tables.has(key)) items.push(...createdTable(table, files))
  items.push(...indexItems(moved, after, files), ...typesAndViews(before, after, files))
  const statement = { index: -1, type: 'schema-diff', text: '', node: undefined, fileStatements: 0 }
  const tx = { mode: 'none' as const, held: [], position: 0, following: 0 }
  return items.map((item) => ({
    ...item.detail,
    direction: 'none',
    at: item.at,
    object: item.object,
    origin: item.origin,
    tableOrigin: item.tableOrigin,
    statement,
    schema: before,
    tx,
    lock: lockFacts(item.action, pgVersion, item.lockTable),
    pgVersion,
    fromSchemaDiff: true,
  }) as DbChange)
}
