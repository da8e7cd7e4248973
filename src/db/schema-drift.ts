import type { SourceRef } from '../core/source-ref.js'
import type { DbChange } from './change.js'
import { diffSchemas } from './diff-schemas.js'
import type { HistoryChange } from './history-change.js'
import type { SchemaModel } from './schema-model.js'

/** What differs about an object both schemas have, in words; undefined for presence differences. */
function detailOf(change: DbChange): string | undefined {
  switch (change.kind) {
    case 'column-type-changed':
      return `${change.from?.display ?? 'unknown'} in the migrations, ${change.to.display} live`
    case 'column-set-not-null':
      return 'NOT NULL live, nullable in the migrations'
    case 'column-drop-not-null':
      return 'nullable live, NOT NULL in the migrations'
    case 'column-default-set':
      return `default ${change.default.text} live${change.column?.default ? `, ${change.column.default.text} in the migrations` : ''}`
    case 'column-default-dropped':
      return 'no default live'
    case 'constraint-validated':
      return 'validated live, NOT VALID in the migrations'
    default:
      return undefined
  }
}

/**
 * The differences between the schema the applied migrations build (`built`, on the shadow database)
 * and the live one, as `schema-drifted` changes placed at `at` (the migration folder). A table only
 * one side has is one difference, not one per column.
 *
 * @example
 * const drift = schemaDrift(shadow.model, live.model, { file: 'db/migrations' })
 */
export function schemaDrift(built: SchemaModel, live: SchemaModel, at: SourceRef): ReadonlyArray<HistoryChange> {
  const changes = diffSchemas(built, live, { from: at.file, to: at.file })
  return changes
    .filter((c) => c.kind === 'table-created' || c.tableOrigin !== 'file')
    .map((change): HistoryChange => {
      const detail = detailOf(change)
      return {
        kind: 'schema-drifted',
        direction: 'none',
        at,
        object: change.object,
        difference: change.kind,
        ...(detail === undefined ? {} : { detail }),
      }
    })
}

/**
 * A schema without the given tables (a migration runner's own bookkeeping tables) and their indexes:
 * the live database has them, the migrations never create them.
 *
 * @example withoutTables(live, new Set(['public.schema_migrations']))
 */
export function withoutTables(schema: SchemaModel, tables: ReadonlySet<string>): SchemaModel {
  if (tables.size === 0) return schema
  return {
    ...schema,
    tables: new Map([...schema.tables].filter(([key]) => !tables.has(key))),
    indexes: new Map([...schema.indexes].filter(([, index]) => !tables.has(index.table))),
    sequences: new Map([...schema.sequences].filter(([key]) => ![...tables].some((t) => key.startsWith(`${t}_`)))),
  }
}
