import type { SourceRef } from '../core/source-ref.js'
import type { ExpressionInfo } from './expression.js'
import type { LockFacts, LockLevel } from './lock-facts.js'
import type {
  ColumnModel,
  ConstraintModel,
  IndexModel,
  ObjectOrigin,
  SchemaModel,
  TableModel,
  TypeModel,
  ViewModel,
} from './schema-model.js'
import type { TypeRef } from './type-ref.js'

/**
 * What database rules subscribe to. Static replay walks each migration statement once and emits,
 * per statement, one `statement` change plus one change per meaningful action in it (an
 * `ALTER TABLE t ADD COLUMN a int, DROP COLUMN b` gives `statement`, `column-added`, `column-dropped`).
 * `rollsafe db --from OLD.sql --to NEW.sql` diffs two schemas into the same kinds, so a rule gives
 * the same verdict either way.
 *
 * Every change carries the context a rule needs, so rules never walk statements or the schema:
 * - `at` — file, line, column and pointer `statement N` of the statement;
 * - `object` — `public.users.email`, what a finding names;
 * - `origin` / `tableOrigin` — did version A know the object / the table (`existing`), or did this
 *   run (`run`) or this very file (`file`) create it? Compatibility rules skip what A never knew;
 *   lock rules skip tables created in the same file;
 * - `schema` — the state before the statement; `table` (table changes) — the table just before the action;
 * - `tx` — how the statement runs: in a transaction or not, which locks earlier statements of that
 *   transaction still hold, whether `lock_timeout` is set;
 * - `lock` — this action's lock level, rewrite and scan, from src/db/lock-facts.ts for `pgVersion`.
 *
 * @example
 * export const rule = defineRule({
 *   id: 'column-dropped', area: 'db', direction: 'none', severity: 'error', on: ['column-dropped'],
 *   summary: '…', why: '…', safe: '…',
 *   check(change, report) {
 *     if (change.origin !== 'existing') return // version A never knew this column
 *     report({ message: `\`${change.object}\` dropped`, at: change.at, object: change.object })
 *   },
 * })
 */
export type DbChange = DbChangeBase & DbChangeDetail

export type DbChangeKind = DbChange['kind']

/** One statement as rules see it. */
export interface StatementRef {
  /** 0-based position in its file. */
  readonly index: number
  /** libpg-query AST node type: `AlterTableStmt`, `IndexStmt`, `DoStmt`, … */
  readonly type: string
  readonly text: string
  /** The AST, for the rare rule that needs a detail no change kind carries. */
  readonly node: unknown
  /** How many statements its file has (a single-statement file runs alone even in a wrapping runner). */
  readonly fileStatements: number
}

/** A lock an earlier statement of the same transaction took and still holds. */
export interface HeldLock {
  readonly table: string
  readonly level: LockLevel
  /** The statement that took it. */
  readonly at: SourceRef
  readonly tableOrigin: ObjectOrigin
}

/** How the statement runs. */
export interface TransactionState {
  /**
   * `explicit`: between BEGIN and COMMIT in the file; `implicit`: the runner wraps the whole file in
   * one transaction (Flyway, Prisma, Drizzle, Kysely, `--assume-in-transaction`); `none`: the
   * statement commits on its own (psql-like autocommit).
   */
  readonly mode: 'explicit' | 'implicit' | 'none'
  /** Strongest lock per table taken by earlier statements of this transaction, held until its end. */
  readonly held: ReadonlyArray<HeldLock>
  /** `lock_timeout` in effect before the statement (`SET` / `SET LOCAL`); undefined or `0` when none. */
  readonly lockTimeout?: string
  readonly statementTimeout?: string
  /** Statements before this one in the same transaction (0 for the first, and always 0 for `none`). */
  readonly position: number
  /** Statements after this one in the same transaction. */
  readonly following: number
}

interface DbChangeBase {
  readonly direction: 'none'
  readonly at: SourceRef
  /** `public.users.email`, `public.users`, `public.users_email_idx`, `public.mood`. */
  readonly object: string
  /** Origin of `object` itself (a column added in this file to an old table is `file`). */
  readonly origin: ObjectOrigin
  /** Origin of the table the change is on (equal to `origin` for changes not on a table). */
  readonly tableOrigin: ObjectOrigin
  readonly statement: StatementRef
  /** The schema before the statement. */
  readonly schema: SchemaModel
  readonly tx: TransactionState
  /** This action's lock on its table. */
  readonly lock: LockFacts
  /** PostgreSQL major version the facts are for (`--pg-version`, default 15). */
  readonly pgVersion: number
  /** True when `--from/--to` produced the change (no statement: `statement.text` is empty). */
  readonly fromSchemaDiff: boolean
  /** Found by comparing the introspected schema before/after the statement on a shadow database (`--trace`). */
  readonly observed?: boolean
}

/**
 * A change on a table: `table` is the table just before this action — before the statement, with the
 * earlier subcommands of the same ALTER TABLE applied (undefined when unknown or new).
 */
interface OnTable {
  readonly table?: TableModel
}

/**
 * Type compatibility of a column type change for version A's values:
 * `same` (no change), `widened` (every old value fits unchanged: varchar(32)→varchar(64), varchar→text,
 * numeric precision up, int→bigint — see `rewrite` for the lock cost), `changed` (values or their
 * representation change: bigint→int, text→int, char→varchar),
 * `unknown` (the old type is not known to the static model).
 */
export type TypeCompatibility = 'same' | 'widened' | 'changed' | 'unknown'

export type DbChangeDetail =
  /** Every statement, once, with all the locks it takes (`locks`) and `lock` the strongest. */
  | {
      readonly kind: 'statement'
      readonly locks: ReadonlyArray<LockFacts>
      /** BEGIN/START, COMMIT/END, ROLLBACK, SAVEPOINT…, when the statement is transaction control. */
      readonly transactionControl?: 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'prepare'
      /** `SET [LOCAL] name = value` / `RESET name`. */
      readonly setting?: { readonly name: string; readonly value?: string; readonly local: boolean }
      /** DO blocks and function bodies: their DDL is invisible to static analysis. */
      readonly opaque: boolean
    }
  | { readonly kind: 'transaction-left-open' }
  | (OnTable & {
      readonly kind: 'table-created'
      readonly created: TableModel
      readonly ifNotExists: boolean
    })
  | (OnTable & { readonly kind: 'table-dropped'; readonly cascade: boolean })
  | (OnTable & {
      readonly kind: 'table-renamed'
      readonly from: string
      readonly to: string
      /** A table or view with the old name is created later in the same file (A's name keeps working). */
      readonly recreated: boolean
    })
  | (OnTable & { readonly kind: 'table-truncated'; readonly cascade: boolean })
  /** VACUUM FULL, CLUSTER, SET TABLESPACE, SET LOGGED/UNLOGGED, SET ACCESS METHOD. */
  | (OnTable & { readonly kind: 'table-rewritten'; readonly how: string })
  | (OnTable & {
      readonly kind: 'column-added'
      readonly column: ColumnModel
      /** True for the columns of CREATE TABLE (then `tableOrigin` is `file`). */
      readonly inCreateTable: boolean
      /** Copied from another table (`LIKE`, `PARTITION OF`) rather than written in the statement. */
      readonly inherited: boolean
      /** `serial`/`bigserial`/`smallserial` as written. */
      readonly serial: boolean
      /** `ADD COLUMN IF NOT EXISTS`. */
      readonly ifNotExists: boolean
    })
  | (OnTable & {
      readonly kind: 'column-dropped'
      readonly column?: ColumnModel
      readonly cascade: boolean
      /** `DROP COLUMN IF EXISTS`. */
      readonly ifExists: boolean
    })
  | (OnTable & {
      readonly kind: 'column-renamed'
      readonly column?: ColumnModel
      readonly from: string
      readonly to: string
    })
  | (OnTable & {
      readonly kind: 'column-type-changed'
      readonly column?: ColumnModel
      readonly from?: TypeRef
      readonly to: TypeRef
      readonly using: boolean
      readonly compatibility: TypeCompatibility
      /** False when PostgreSQL keeps the stored data (binary-coercible change). */
      readonly rewrite: boolean
    })
  | (OnTable & {
      readonly kind: 'column-set-not-null'
      readonly column?: ColumnModel
      /** A validated `CHECK (c IS NOT NULL)` exists, so PG12+ skips the scan. */
      readonly provenByCheck: boolean
    })
  | (OnTable & { readonly kind: 'column-drop-not-null'; readonly column?: ColumnModel })
  | (OnTable & {
      readonly kind: 'column-default-set'
      readonly column?: ColumnModel
      readonly default: ExpressionInfo
    })
  | (OnTable & { readonly kind: 'column-default-dropped'; readonly column?: ColumnModel })
  | (OnTable & {
      readonly kind: 'constraint-added'
      readonly constraint: ConstraintModel
      /** Added NOT VALID (CHECK, FOREIGN KEY): existing rows are not checked. */
      readonly notValid: boolean
      /** `… UNIQUE / PRIMARY KEY USING INDEX idx`: no index build. */
      readonly usingIndex?: string
      /** Written on a column (`ADD COLUMN c int REFERENCES t`, `c int UNIQUE` in CREATE TABLE). */
      readonly inline: boolean
      readonly inCreateTable: boolean
    })
  | (OnTable & { readonly kind: 'constraint-dropped'; readonly name: string; readonly constraint?: ConstraintModel })
  | (OnTable & {
      readonly kind: 'constraint-validated'
      readonly name: string
      readonly constraint?: ConstraintModel
    })
  | (OnTable & { readonly kind: 'constraint-renamed'; readonly from: string; readonly to: string })
  | (OnTable & {
      readonly kind: 'index-created'
      readonly index: IndexModel
      readonly concurrently: boolean
      readonly ifNotExists: boolean
      /** Has a name (an unnamed CONCURRENTLY index cannot be retried idempotently). */
      readonly named: boolean
    })
  | (OnTable & {
      readonly kind: 'index-dropped'
      readonly name: string
      readonly index?: IndexModel
      readonly concurrently: boolean
      readonly ifExists: boolean
    })
  | (OnTable & { readonly kind: 'index-renamed'; readonly from: string; readonly to: string })
  | (OnTable & { readonly kind: 'index-rebuilt'; readonly concurrently: boolean; readonly target: string })
  | (OnTable & { readonly kind: 'partition-attached'; readonly partition: string })
  | (OnTable & { readonly kind: 'partition-detached'; readonly partition: string; readonly concurrently: boolean })
  | { readonly kind: 'type-created'; readonly type: TypeModel }
  | { readonly kind: 'type-dropped'; readonly type?: TypeModel; readonly cascade: boolean }
  | {
      readonly kind: 'type-renamed'
      readonly from: string
      readonly to: string
      readonly type?: TypeModel
      /** A type with the old name is created later in the same file (the enum re-creation pattern). */
      readonly recreated: boolean
    }
  | {
      readonly kind: 'enum-value-added'
      readonly type?: TypeModel
      readonly value: string
      /** `BEFORE x` / `AFTER x`, when given. */
      readonly neighbor?: { readonly value: string; readonly after: boolean }
      readonly ifNotExists: boolean
    }
  | { readonly kind: 'enum-value-renamed'; readonly type?: TypeModel; readonly from: string; readonly to: string }
  /** Enum labels that disappeared (only `--from/--to` and enum re-creation can show this). */
  | { readonly kind: 'enum-value-dropped'; readonly type?: TypeModel; readonly value: string }
  | { readonly kind: 'domain-constraint-added'; readonly type?: TypeModel; readonly notValid: boolean }
  | { readonly kind: 'view-created'; readonly view: ViewModel; readonly replace: boolean }
  | { readonly kind: 'view-dropped'; readonly view?: ViewModel; readonly materialized: boolean }
  | { readonly kind: 'view-renamed'; readonly from: string; readonly to: string; readonly recreated: boolean }
  | { readonly kind: 'schema-dropped'; readonly cascade: boolean }
  | { readonly kind: 'schema-renamed'; readonly from: string; readonly to: string }
  | { readonly kind: 'database-dropped' }
  | (OnTable & { readonly kind: 'data-modified'; readonly operation: 'insert' | 'update' | 'delete' | 'merge' })
  /** A `-- rollsafe-ignore[-file] RULE: reason` comment (`reason` empty when none was given). */
  | {
      readonly kind: 'ignore-comment'
      readonly rules: ReadonlyArray<string>
      readonly reason: string
      readonly scope: 'statement' | 'file'
    }
  /**
   * A rule an ignore comment names that accepted no finding; known only after the rules ran (see
   * `lintWithIgnores`). `known` is false for an id that is no rule at all (a typo, a removed rule).
   */
  | {
      readonly kind: 'ignore-unused'
      readonly rule: string
      readonly known: boolean
      readonly scope: 'statement' | 'file'
    }
