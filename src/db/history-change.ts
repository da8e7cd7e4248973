import type { SourceRef } from '../core/source-ref.js'
import type { DbChangeKind } from './change.js'

interface HistoryChangeBase {
  readonly direction: 'none'
  readonly at: SourceRef
  /** The migration's path (`db/migrations/0003_add_index.sql`), or the database object (`public.users.email`). */
  readonly object: string
}

/**
 * What comparing two records of one migration history finds, rather than replaying statements: the
 * migration folder at `--base` against the working tree (`rollsafe check`), and the live database
 * against the schema its applied migrations build (`rollsafe predeploy`). Database rules subscribe
 * to these kinds like to any `DbChange`.
 *
 * @example
 * { kind: 'migration-edited', direction: 'none', object: 'db/migrations/001_init.sql',
 *   at: { file: 'db/migrations/001_init.sql', line: 4 }, revision: 'origin/main', line: 4 }
 */
export type HistoryChange = HistoryChangeBase &
  (
    | {
        /** A migration that exists at `revision` has other text now (line endings aside). */
        readonly kind: 'migration-edited'
        readonly revision: string
        /** The first line (1-based, in the working tree's text) that differs. */
        readonly line: number
      }
    | {
        /** A migration that exists at `revision` is gone from the folder (`at` names it in that revision). */
        readonly kind: 'migration-deleted'
        readonly revision: string
      }
    | {
        /**
         * The live database differs from the schema its applied migrations build: `difference` is the
         * change that would take the migrations' schema to the live one (`index-created`: the live
         * database has an index the migrations never made).
         */
        readonly kind: 'schema-drifted'
        readonly difference: DbChangeKind
        /** What differs, when more than presence: `varchar(64) → text`. */
        readonly detail?: string
      }
  )
