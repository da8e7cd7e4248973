import type { SourceRef } from '../core/source-ref.js'

/**
 * What database rules subscribe to. Placeholder shape: the db pipeline (issue 3) replaces this
 * union with its statement and schema-change kinds. Every member has `kind`, `at` and `object`.
 */
export type DbChange = {
  readonly kind: 'db-placeholder'
  readonly direction: 'none'
  readonly at: SourceRef
  readonly object?: string
}

export type DbChangeKind = DbChange['kind']
