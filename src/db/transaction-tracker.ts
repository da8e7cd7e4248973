import type { TransactionStmt, VariableSetStmt } from 'libpg-query'
import type { SourceRef } from '../core/source-ref.js'
import type { HeldLock, TransactionState } from './change.js'
import { lockRank, type LockFacts } from './lock-facts.js'
import { nodeOf } from './pg-ast.js'
import type { ObjectOrigin } from './schema-model.js'

type Control = 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'prepare'

const controls: Readonly<Record<string, Control>> = {
  TRANS_STMT_BEGIN: 'begin',
  TRANS_STMT_START: 'begin',
  TRANS_STMT_COMMIT: 'commit',
  TRANS_STMT_ROLLBACK: 'rollback',
  TRANS_STMT_SAVEPOINT: 'savepoint',
  TRANS_STMT_RELEASE: 'release',
  TRANS_STMT_ROLLBACK_TO: 'savepoint',
  TRANS_STMT_PREPARE: 'prepare',
  TRANS_STMT_COMMIT_PREPARED: 'commit',
  TRANS_STMT_ROLLBACK_PREPARED: 'rollback',
}

export function transactionControl(node: unknown): Control | undefined {
  const t = nodeOf<TransactionStmt>(node, 'TransactionStmt')
  return t === undefined ? undefined : controls[t.kind ?? '']
}

export interface Setting {
  readonly name: string
  readonly value?: string
  readonly local: boolean
}

function argText(arg: unknown): string {
  const c = nodeOf<{ sval?: { sval?: string }; ival?: { ival?: number }; fval?: { fval?: string } }>(arg, 'A_Const')
  if (c?.sval) return c.sval.sval ?? ''
  if (c?.ival) return String(c.ival.ival ?? 0)
  if (c?.fval) return c.fval.fval ?? ''
  return ''
}

/** `SET [LOCAL] name = value` / `RESET name` / `SET name TO DEFAULT` (value undefined). */
export function settingOf(node: unknown): Setting | undefined {
  const s = nodeOf<VariableSetStmt>(node, 'VariableSetStmt')
  if (s?.name === undefined) return undefined
  const local = Boolean(s.is_local)
  if (s.kind !== 'VAR_SET_VALUE') return { name: s.name, local }
  return { name: s.name, value: (s.args ?? []).map(argText).join(', '), local }
}

/**
 * Follows how a migration file runs: transactions (explicit BEGIN/COMMIT, or the runner's implicit one),
 * the locks each transaction holds, and the lock/statement timeouts in effect. One tracker per file.
 */
export class TransactionTracker {
  private mode: TransactionState['mode']
  private held = new Map<string, HeldLock>()
  /** `held` as a list, shared by the statements before which it did not change. */
  private heldList: ReadonlyArray<HeldLock> | undefined
  private session = new Map<string, string | undefined>()
  private local = new Map<string, string | undefined>()
  private position = 0
  private transactionId = 0
  /** Transaction id per statement, to count the statements that follow in the same transaction. */
  readonly transactionOf: number[] = []
  /** The BEGIN of a transaction still open, if any. */
  openedAt: SourceRef | undefined

  /** `implicit`: the runner wraps the file in one transaction. */
  constructor(implicit: boolean) {
    this.mode = implicit ? 'implicit' : 'none'
    if (implicit) this.transactionId = 1
  }

  private setting(name: string): string | undefined {
    return this.local.has(name) ? this.local.get(name) : this.session.get(name)
  }

  /** The state before a statement; call `after` once it ran. */
  before(control: Control | undefined): Omit<TransactionState, 'following'> {
    return {
      mode: control === 'begin' && this.mode === 'none' ? 'none' : this.mode,
      held: (this.heldList ??= [...this.held.values()]),
      lockTimeout: this.setting('lock_timeout'),
      statementTimeout: this.setting('statement_timeout'),
      position: this.mode === 'none' ? 0 : this.position,
    }
  }

  private end(): void {
    this.held.clear()
    this.heldList = undefined
    this.local.clear()
    this.position = 0
    this.openedAt = undefined
  }

  /** Records what a statement did: its locks, settings and transaction control. */
  after(index: number, at: SourceRef, control: Control | undefined, setting: Setting | undefined, locks: ReadonlyArray<LockFacts>, origin: (table: string) => ObjectOrigin): void {
    if (control === 'begin') {
      if (this.mode === 'none') this.transactionId++
      this.mode = 'explicit'
      this.openedAt ??= at
    }
    // Transaction control itself is not a statement that runs inside the transaction.
    this.transactionOf[index] = this.mode === 'none' || control !== undefined ? 0 : this.transactionId
    // SET LOCAL outside a transaction block lasts only for its own statement: PostgreSQL warns and forgets it.
    if (setting !== undefined && !(setting.local && this.mode === 'none')) {
      ;(setting.local ? this.local : this.session).set(setting.name, setting.value)
    }
    if (this.mode !== 'none' && control === undefined) {
      this.position++
      for (const lock of locks) {
        if (lock.table === undefined || lock.level === undefined) continue
        const old = this.held.get(lock.table)
        if (old === undefined || lockRank(lock.level) > lockRank(old.level)) {
          this.held.set(lock.table, { table: lock.table, level: lock.level, at, tableOrigin: origin(lock.table) })
          this.heldList = undefined
        }
      }
    }
    if (control === 'commit' || control === 'rollback' || control === 'prepare') {
      this.mode = 'none'
      this.end()
    }
  }

  /** How many statements after each one run in the same transaction. */
  following(): number[] {
    const counts = new Map<number, number>()
    for (const id of this.transactionOf) counts.set(id, (counts.get(id) ?? 0) + 1)
    const seen = new Map<number, number>()
    return this.transactionOf.map((id) => {
      if (id === 0) return 0
      const n = (seen.get(id) ?? 0) + 1
      seen.set(id, n)
      return (counts.get(id) ?? 0) - n
    })
  }
}
