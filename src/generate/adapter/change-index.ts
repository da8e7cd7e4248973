import type { ApiChange, SchemaChange } from '../../api/change.js'
import type { Schema } from '../../api/model.js'
import type { RelativeChange } from '../../api/relative-change.js'
import { canonicalJson } from '../../api/canonical-json.js'
import type { Side } from './adapter-plan.js'

/**
 * The diff's schema changes by the schema pair they sit at and the direction that reads them,
 * each once however many operations share the pair.
 */
export interface ChangeIndex {
  at(before: Schema, after: Schema, side: Side): ReadonlyArray<RelativeChange>
  /** Adds changes found by comparing a pair the diff did not pair (a changed status or media type). */
  add(changes: ReadonlyArray<RelativeChange>, side: Side): void
}

function identity(change: RelativeChange): string {
  const fields = change as { name?: string; value?: unknown; keyword?: string; detail?: string; branch?: Schema }
  return [change.kind, fields.name ?? '', canonicalJson(fields.value), fields.keyword ?? '', fields.detail ?? '', fields.branch?.id ?? ''].join('|')
}

export function sideOf(change: SchemaChange): Side {
  return change.direction === 'request' ? 'upgrade' : 'downgrade'
}

/** Whether a change sits inside a schema (it has a path and a pair of schemas). */
export function isSchemaChange(change: ApiChange): change is SchemaChange {
  return 'path' in change
}

export function createChangeIndex(changes: ReadonlyArray<ApiChange>): ChangeIndex {
  const byPair = new Map<string, { readonly seen: Set<string>; readonly list: RelativeChange[] }>()
  const add = (change: RelativeChange, side: Side): void => {
    const key = `${side}:${change.before.id}:${change.after.id}`
    let slot = byPair.get(key)
    if (slot === undefined) {
      slot = { seen: new Set(), list: [] }
      byPair.set(key, slot)
    }
    const id = identity(change)
    if (slot.seen.has(id)) return
    slot.seen.add(id)
    slot.list.push(change)
  }
  for (const change of changes) if (isSchemaChange(change)) add(change, sideOf(change))
  return {
    at: (before, after, side) => byPair.get(`${side}:${before.id}:${after.id}`)?.list ?? [],
    add(list, side) {
      for (const change of list) add(change, side)
    },
  }
}
