import type { SourceRef } from '../core/source-ref.js'
import type { DbChangeDetail } from './change.js'
import { lockFacts, type LockAction } from './lock-facts.js'
import { addColumnAction } from './replay/alter-column.js'
import { addConstraintAction } from './replay/create-table.js'
import { hasValidNotNullCheck, type ColumnModel, type ConstraintModel, type ObjectOrigin, type TableModel } from './schema-model.js'
import { typeChangeFacts } from './type-change.js'

/** One difference, before the diff adds the context every `DbChange` carries. */
export interface DiffItem {
  readonly detail: DbChangeDetail
  readonly object: string
  readonly origin: ObjectOrigin
  readonly tableOrigin: ObjectOrigin
  readonly action: LockAction
  readonly lockTable?: string
  /** Where to point: the new file for what B has, the old one for what B lost. */
  readonly at: SourceRef
}

export interface DiffFiles {
  readonly from: string
  readonly to: string
}

function place(file: string, defined: SourceRef | undefined): SourceRef {
  return defined ?? { file }
}

function sameConstraint(a: ConstraintModel, b: ConstraintModel): boolean {
  return (
    a.type === b.type &&
    a.columns.join() === b.columns.join() &&
    (a.expression?.key ?? '') === (b.expression?.key ?? '') &&
    (a.references?.table ?? '') === (b.references?.table ?? '') &&
    (a.references?.columns.join() ?? '') === (b.references?.columns.join() ?? '')
  )
}

function columnItems(before: TableModel, old: ColumnModel, now: ColumnModel, files: DiffFiles): DiffItem[] {
  const object = `${before.key}.${old.name}`
  const at = place(files.to, now.definedAt)
  const base = { object, origin: 'existing' as const, tableOrigin: 'existing' as const, lockTable: before.key, at }
  const items: DiffItem[] = []
  const typeFacts = typeChangeFacts(old.type, now.type, true)
  if (typeFacts.compatibility !== 'same') {
    const detail = { kind: 'column-type-changed' as const, table: before, column: old, from: old.type, to: now.type, using: false, compatibility: typeFacts.compatibility, rewrite: typeFacts.rewrite }
    items.push({ ...base, detail, action: typeFacts.action })
  }
  if (!old.notNull && now.notNull) {
    const provenByCheck = hasValidNotNullCheck(before, old.name)
    items.push({ ...base, detail: { kind: 'column-set-not-null', table: before, column: old, provenByCheck }, action: provenByCheck ? 'set-not-null-proven' : 'set-not-null' })
  }
  if (old.notNull && !now.notNull) items.push({ ...base, detail: { kind: 'column-drop-not-null', table: before, column: old }, action: 'drop-not-null' })
  if (old.default !== undefined && now.default === undefined) {
    items.push({ ...base, detail: { kind: 'column-default-dropped', table: before, column: old }, action: 'drop-default' })
  } else if (now.default !== undefined && now.default.key !== old.default?.key) {
    items.push({ ...base, detail: { kind: 'column-default-set', table: before, column: old, default: now.default }, action: 'set-default' })
  }
  return items
}

function constraintItems(before: TableModel, after: TableModel, files: DiffFiles, created: boolean): DiffItem[] {
  const items: DiffItem[] = []
  const at = place(files.to, after.definedAt)
  const tableOrigin: ObjectOrigin = created ? 'file' : 'existing'
  const gone = before.constraints.filter((old) => {
    const now = after.constraints.find((c) => c.name === old.name)
    return now === undefined || !sameConstraint(old, now)
  })
  const added = after.constraints.filter((now) => {
    const old = before.constraints.find((c) => c.name === now.name)
    return old === undefined || !sameConstraint(old, now)
  })
  // Same definition under another name (a renamed table keeps users_pkey, a new dump says people_pkey).
  const renamed = new Map<ConstraintModel, ConstraintModel>()
  for (const old of gone) {
    const now = added.find((c) => c.name !== old.name && sameConstraint(old, c) && ![...renamed.values()].includes(c))
    if (now !== undefined) renamed.set(old, now)
  }
  for (const old of before.constraints) {
    const now = after.constraints.find((c) => c.name === old.name)
    const base = { object: `${before.key}.${old.name}`, origin: 'existing' as const, tableOrigin, lockTable: before.key }
    const newName = renamed.get(old)?.name
    if (newName !== undefined) {
      items.push({ ...base, at, detail: { kind: 'constraint-renamed', table: before, from: old.name, to: newName }, action: 'rename-constraint' })
    } else if (gone.includes(old)) {
      items.push({ ...base, at: place(files.from, before.definedAt), detail: { kind: 'constraint-dropped', table: before, name: old.name, constraint: old }, action: 'drop-constraint' })
    } else if (now !== undefined && !old.valid && now.valid) {
      items.push({ ...base, at, detail: { kind: 'constraint-validated', table: before, name: old.name, constraint: old }, action: 'validate-constraint' })
    }
  }
  const renamedTo = new Set([...renamed.values()])
  for (const now of added) {
    if (renamedTo.has(now)) continue
    const spec = { constraint: now, notValid: !now.valid, inline: false }
    const detail = { kind: 'constraint-added' as const, table: created ? undefined : before, constraint: now, notValid: !now.valid, inline: false, inCreateTable: created }
    items.push({ detail, object: `${after.key}.${now.name}`, origin: 'file', tableOrigin, action: addConstraintAction(spec), lockTable: after.key, at })
  }
  return items
}

/** Differences inside one table present on both sides (after renames are applied to `before`). */
export function diffTable(before: TableModel, after: TableModel, files: DiffFiles, renamedColumns: ReadonlyMap<string, string>): DiffItem[] {
  const items: DiffItem[] = []
  const base = { tableOrigin: 'existing' as const, lockTable: before.key }
  for (const old of before.columns) {
    const newName = renamedColumns.get(old.name)
    const now = after.columns.find((c) => c.name === (newName ?? old.name))
    const object = `${before.key}.${old.name}`
    if (now === undefined) {
      items.push({ ...base, object, origin: 'existing', at: place(files.from, old.definedAt), detail: { kind: 'column-dropped', table: before, column: old, cascade: false, ifExists: false }, action: 'drop-column' })
      continue
    }
    if (newName !== undefined) {
      items.push({ ...base, object, origin: 'existing', at: place(files.to, now.definedAt), detail: { kind: 'column-renamed', table: before, column: old, from: old.name, to: newName }, action: 'rename-column' })
    }
    items.push(...columnItems(before, old, now, files))
  }
  const kept = new Set(before.columns.map((c) => renamedColumns.get(c.name) ?? c.name))
  for (const now of after.columns) {
    if (kept.has(now.name)) continue
    const detail = { kind: 'column-added' as const, table: before, column: { ...now, origin: 'file' as const }, inCreateTable: false, inherited: false, serial: false, ifNotExists: false }
    items.push({ ...base, object: `${before.key}.${now.name}`, origin: 'file', at: place(files.to, now.definedAt), detail, action: addColumnAction(now, false) })
  }
  return [...items, ...constraintItems(before, after, files, false)]
}

/** A table only B has: `table-created`, its columns and constraints, as CREATE TABLE would give. */
export function createdTable(after: TableModel, files: DiffFiles): DiffItem[] {
  const at = place(files.to, after.definedAt)
  const base = { origin: 'file' as const, tableOrigin: 'file' as const, action: 'create-table' as const, lockTable: after.key, at }
  const empty: TableModel = { ...after, columns: [], constraints: [] }
  return [
    { ...base, object: after.key, detail: { kind: 'table-created', created: after, ifNotExists: false } },
    ...after.columns.map((column): DiffItem => ({ ...base, object: `${after.key}.${column.name}`, detail: { kind: 'column-added', column, inCreateTable: true, inherited: false, serial: false, ifNotExists: false } })),
    ...constraintItems(empty, after, files, true),
  ]
}

export { lockFacts }
