import { defineRule } from '../../src/core/rule.js'
import { describeLock, hasLockTimeout, onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'require-lock-timeout',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['statement'],
  summary: 'An ACCESS EXCLUSIVE lock is requested on an existing table with no lock_timeout set.',
  why:
    'Lock requests queue: while the statement waits behind a long-running query, every later SELECT on the ' +
    'table waits behind it, and the application stalls for as long as that query runs.',
  safe: "SET lock_timeout = '2s' (or SET LOCAL inside the transaction) before the statement, and retry the migration when it times out.",
  seeAlso: ['squawk: require-lock-timeout', 'eugene: E9', 'strong_migrations: lock_timeout'],
  check(change, report) {
    if (change.lock.level !== 'ACCESS EXCLUSIVE' || change.lock.table === undefined) return
    if (onNewTable(change) || hasLockTimeout(change)) return
    report({ message: `statement ${describeLock(change.lock)} with no lock_timeout set`, at: change.at, object: change.lock.table })
  },
})
