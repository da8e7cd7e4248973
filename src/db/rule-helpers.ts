import type { DbChange } from './change.js'
import type { LockFacts } from './lock-facts.js'

/** Version A knew the object: it existed before the checked migrations (or rollsafe cannot tell). */
export function knownToA(change: Pick<DbChange, 'origin'>): boolean {
  return change.origin === 'existing'
}

/** The table was created earlier in this file (or by this statement): empty and unused, exempt from lock rules. */
export function onNewTable(change: Pick<DbChange, 'tableOrigin'>): boolean {
  return change.tableOrigin === 'file'
}

/** A `lock_timeout` other than 0 is in effect. */
export function hasLockTimeout(change: Pick<DbChange, 'tx'>): boolean {
  const value = change.tx.lockTimeout?.trim().replace(/^'|'$/g, '')
  return value !== undefined && value !== '' && !/^0+(ms|s|min)?$/i.test(value)
}

/** `takes ACCESS EXCLUSIVE on `public.users` and rewrites it` — the lock part of a message. */
export function describeLock(lock: LockFacts): string {
  if (lock.level === undefined) return 'takes no table lock'
  const target = lock.table === undefined ? '' : ` on \`${lock.table}\``
  const work = lock.rewrite ? ' and rewrites the table' : lock.scan ? ' while it reads every row' : ''
  const seen = lock.observed ? ' (observed)' : lock.note ? ` (${lock.note})` : ''
  return `takes ${lock.level}${target}${work}${seen}`
}

/** `line 12` of the statement that took a lock, for messages about earlier statements. */
export function lineOf(at: { readonly line?: number }): string {
  return at.line === undefined ? 'an earlier statement' : `line ${at.line}`
}
