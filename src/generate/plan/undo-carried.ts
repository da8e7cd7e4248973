import type { DbChange } from '../../db/change.js'
import { typeSql } from './sample-values.js'
import { ident, qualified, splitKey } from './sql.js'

/**
 * The statements that undo a carried (additive) statement in the expand rollback, from the changes
 * replay found in it. `{}` when one of them cannot be undone (data changes, enum values, anything
 * rollsafe does not model): the runbook then lists the statement as not undone.
 *
 * @example
 * undoOf([{ kind: 'column-added', object: 'public.users.nickname', … }])
 * // { undo: 'ALTER TABLE public.users DROP COLUMN IF EXISTS nickname;' }
 */
export function undoOf(changes: ReadonlyArray<DbChange>): { readonly undo?: string } {
  const undo: string[] = []
  for (const change of changes) {
    const one = undoOne(change)
    if (one === undefined) return {}
    if (one !== '') undo.unshift(one)
  }
  return undo.length === 0 ? {} : { undo: undo.join('\n') }
}

function columnParts(object: string): { table: string; column: string } {
  const dot = object.lastIndexOf('.')
  return { table: qualified(splitKey(object.slice(0, dot))), column: ident(object.slice(dot + 1)) }
}

/** '' for changes that need no undo, undefined for those that cannot be undone. */
function undoOne(change: DbChange): string | undefined {
  switch (change.kind) {
    case 'ignore-comment':
      return ''
    case 'table-created':
      return `DROP TABLE IF EXISTS ${qualified(change.created.name)};`
    case 'column-added': {
      if (change.inCreateTable) return ''
      const { table, column } = columnParts(change.object)
      return `ALTER TABLE ${table} DROP COLUMN IF EXISTS ${column};`
    }
    case 'index-created':
      return `DROP INDEX ${change.concurrently ? 'CONCURRENTLY ' : ''}IF EXISTS ${qualified(change.index.name)};`
    case 'type-renamed': {
      const to = splitKey(change.to)
      return `ALTER TYPE ${qualified(to)} RENAME TO ${ident(splitKey(change.from).name)};`
    }
    case 'type-created':
      return `DROP TYPE IF EXISTS ${qualified(change.type.name)};`
    case 'view-created':
      return change.replace ? undefined : `DROP ${change.view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} IF EXISTS ${qualified(change.view.name)};`
    case 'constraint-added': {
      if (change.inCreateTable) return ''
      const table = qualified(splitKey(change.object.slice(0, change.object.lastIndexOf('.'))))
      return `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${ident(change.constraint.name)};`
    }
    case 'column-default-set': {
      const { table, column } = columnParts(change.object)
      const before = change.column?.default
      if (before === undefined) return `ALTER TABLE ${table} ALTER COLUMN ${column} DROP DEFAULT;`
      return before.text.includes('…') ? undefined : `ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${before.text};`
    }
    case 'column-default-dropped': {
      const { table, column } = columnParts(change.object)
      const before = change.column?.default
      if (before === undefined) return ''
      return before.text.includes('…') ? undefined : `ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${before.text};`
    }
    case 'column-type-changed': {
      // A widening the migration makes in place (varchar(32) → text); going back reads every row.
      if (change.from === undefined) return undefined
      const { table, column } = columnParts(change.object)
      return `ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${typeSql(change.from)};`
    }
    case 'column-drop-not-null': {
      const { table, column } = columnParts(change.object)
      return change.column?.notNull === false ? '' : `ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL;`
    }
    default:
      return undefined
  }
}
