import type { DbChange } from '../change.js'
import { diffSchemas, type RenameHint } from '../diff-schemas.js'
import type { IntrospectedSchema } from '../introspect/introspect-schema.js'

/** Key → catalog id, inverted: id → key. */
function byId(objects: ReadonlyMap<string, string>, keys: Iterable<string>): Map<string, string> {
  const ids = new Map<string, string>()
  for (const key of keys) {
    const id = objects.get(key)
    if (id !== undefined) ids.set(id, key)
  }
  return ids
}

/** Pairs of keys with the same catalog id on both sides but a different name: renames. */
function renamedKeys(before: IntrospectedSchema, after: IntrospectedSchema, keys: (s: IntrospectedSchema) => Iterable<string>): Array<[string, string]> {
  const old = byId(before.identity.objects, keys(before))
  const pairs: Array<[string, string]> = []
  for (const [id, to] of byId(after.identity.objects, keys(after))) {
    const from = old.get(id)
    if (from !== undefined && from !== to) pairs.push([from, to])
  }
  return pairs
}

const split = (key: string): [string, string] => {
  const dot = key.indexOf('.')
  return [key.slice(0, dot), key.slice(dot + 1)]
}

/** Names with the same id inside one object (columns by attnum, constraints and labels by oid). */
function renamedMembers<V>(before: ReadonlyMap<string, V> | undefined, after: ReadonlyMap<string, V> | undefined): Array<[string, string]> {
  const old = new Map([...(before ?? [])].map(([name, id]) => [id, name]))
  const pairs: Array<[string, string]> = []
  for (const [name, id] of after ?? []) {
    const from = old.get(id)
    if (from !== undefined && from !== name) pairs.push([from, name])
  }
  return pairs
}

/** Table renames within a schema and column renames, as `diffSchemas` hints (column hints name the new table key). */
function renameHints(before: IntrospectedSchema, after: IntrospectedSchema): RenameHint[] {
  const hints: RenameHint[] = []
  const tables = renamedKeys(before, after, (s) => s.model.tables.keys())
  const oldKeyOf = new Map(tables.map(([from, to]) => [to, from]))
  for (const [from, to] of tables) {
    const [fromSchema, fromName] = split(from)
    const [toSchema, toName] = split(to)
    if (fromSchema === toSchema) hints.push({ from: [fromSchema, fromName], to: toName })
  }
  for (const key of after.model.tables.keys()) {
    const oldKey = oldKeyOf.get(key) ?? key
    for (const [from, to] of renamedMembers(before.identity.columns.get(oldKey), after.identity.columns.get(key))) {
      hints.push({ from: [...split(key), from], to })
    }
  }
  return hints
}

type Kind = DbChange['kind']

/**
 * Replaces a drop of `from` plus an add of `to` (what a name-based diff sees) by one rename.
 * `rename` builds the rename from the dropped change.
 */
function foldRename(changes: DbChange[], dropKind: Kind, addKind: Kind, from: string, to: string, rename: (dropped: DbChange) => DbChange): DbChange[] {
  const dropped = changes.find((c) => c.kind === dropKind && c.object === from)
  if (dropped === undefined) return changes
  return [...changes.filter((c) => !(c.kind === dropKind && c.object === from) && !(c.kind === addKind && c.object === to)), rename(dropped)]
}

function foldObjectRenames(changes: DbChange[], before: IntrospectedSchema, after: IntrospectedSchema): DbChange[] {
  let out = changes
  for (const [from, to] of renamedKeys(before, after, (s) => s.model.types.keys())) {
    out = foldRename(out, 'type-dropped', 'type-created', from, to, (d) => ({ ...d, kind: 'type-renamed', from, to, recreated: false }) as DbChange)
  }
  for (const key of after.model.types.keys()) {
    for (const [old, now] of renamedMembers(before.identity.enumValues.get(key), after.identity.enumValues.get(key))) {
      out = foldRename(out, 'enum-value-dropped', 'enum-value-added', `${key}.${old}`, `${key}.${now}`, (d) => ({ ...d, kind: 'enum-value-renamed', from: old, to: now }) as DbChange)
    }
  }
  for (const [from, to] of renamedKeys(before, after, (s) => s.model.indexes.keys())) {
    out = foldRename(out, 'index-dropped', 'index-created', from, to, (d) => ({ ...d, kind: 'index-renamed', from, to }) as DbChange)
  }
  for (const [from, to] of renamedKeys(before, after, (s) => s.model.views.keys())) {
    out = foldRename(out, 'view-dropped', 'view-created', from, to, (d) => ({ ...d, kind: 'view-renamed', from, to, recreated: false }) as DbChange)
  }
  out = dropTypeRenameEchoes(out, renamedKeys(before, after, (s) => s.model.types.keys()))
  return foldConstraints(out, before, after)
}

/** The table key before the statement of each table key after it. */
function oldTableKeys(before: IntrospectedSchema, after: IntrospectedSchema): Map<string, string> {
  const renamed = new Map(renamedKeys(before, after, (s) => s.model.tables.keys()).map(([from, to]) => [to, from]))
  return new Map([...after.model.tables.keys()].map((key) => [key, renamed.get(key) ?? key]))
}

/**
 * Constraints keep their oid through renames of themselves, their columns and their table; a
 * name-based diff sees those as a drop plus an add. Same oid and name: only its columns were
 * renamed (or it was validated). Same oid, new name: a constraint rename.
 */
function foldConstraints(changes: DbChange[], before: IntrospectedSchema, after: IntrospectedSchema): DbChange[] {
  let out = changes
  for (const [key, oldKey] of oldTableKeys(before, after)) {
    const old = before.identity.constraints.get(oldKey)
    for (const [name, id] of after.identity.constraints.get(key) ?? []) {
      const from = [...(old ?? [])].find(([, oldId]) => oldId === id)?.[0]
      if (from === undefined) continue
      if (from !== name) {
        out = foldRename(out, 'constraint-dropped', 'constraint-added', `${key}.${from}`, `${key}.${name}`, (d) => ({ ...d, kind: 'constraint-renamed', from, to: name }) as DbChange)
        continue
      }
      const dropped = out.find((c) => c.kind === 'constraint-dropped' && c.object === `${key}.${name}`)
      const added = out.find((c) => c.kind === 'constraint-added' && c.object === `${key}.${name}`)
      if (dropped?.kind !== 'constraint-dropped' || added?.kind !== 'constraint-added') continue
      out = out.filter((c) => c !== dropped && c !== added)
      if (!dropped.constraint?.valid && added.constraint.valid) {
        out.push({ ...dropped, kind: 'constraint-validated', name, ...(dropped.constraint ? { constraint: dropped.constraint } : {}) } as DbChange)
      }
    }
  }
  return out
}

/** A renamed type changes the type name of every column using it; that is not a column type change. */
function dropTypeRenameEchoes(changes: DbChange[], renamedTypes: ReadonlyArray<[string, string]>): DbChange[] {
  const names = (key: string): string[] => (key.startsWith('public.') ? [key, key.slice('public.'.length)] : [key])
  const pairs = new Set(renamedTypes.flatMap(([from, to]) => names(from).flatMap((f) => names(to).map((t) => `${f}→${t}`))))
  return changes.filter(
    (c) => !(c.kind === 'column-type-changed' && c.from !== undefined && c.from.arrayDims === c.to.arrayDims && pairs.has(`${c.from.name}→${c.to.name}`)),
  )
}

/**
 * What changed between two introspections of the same database, as `DbChange`s: the catalog
 * identity (oids, attnums) tells a rename from a drop plus an add, so a rename hidden in a DO
 * block or a function is still a rename. The changes carry `diffSchemas`' placeholder context
 * (no statement, no transaction); the caller puts them on the statement that made them.
 *
 * @example
 * const before = await introspectSchema(session.db)
 * await session.exec(`do $$ begin execute 'alter table users rename column mail to email'; end $$`)
 * observedChanges(before, await introspectSchema(session.db), 'm.sql')[0]?.kind // 'column-renamed'
 */
export function observedChanges(before: IntrospectedSchema, after: IntrospectedSchema, file: string, pgVersion = 15): DbChange[] {
  const changes = diffSchemas(before.model, after.model, { from: file, to: file }, renameHints(before, after), pgVersion)
  return foldObjectRenames(changes, before, after)
}
