import { defineRule } from '../../src/core/rule.js'
import { blocksReads, blocksWrites } from '../../src/db/lock-facts.js'
import { hasLockTimeout, onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'require-lock-timeout-for-write-locks',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['statement'],
  summary: 'A write-blocking lock (SHARE … EXCLUSIVE) is requested on an existing table with no lock_timeout.',
  why:
    'CREATE TRIGGER, a foreign key (on the referenced table too), CREATE INDEX and REFRESH MATERIALIZED VIEW ' +
    'CONCURRENTLY take locks that conflict with INSERT, UPDATE and DELETE. While the request waits behind a long ' +
    'transaction, every later write on the table queues behind it. (ACCESS EXCLUSIVE: see require-lock-timeout.)',
  safe: "SET lock_timeout = '2s' (SET LOCAL inside a transaction) before the statement, and retry the migration when it times out.",
  seeAlso: ['eugene: E9', 'strong_migrations: lock_timeout'],
  check(change, report) {
    if (hasLockTimeout(change)) return
    if (blocksReads(change.lock.level) && !onNewTable(change)) return // require-lock-timeout reports this statement
    for (const lock of change.locks) {
      if (!blocksWrites(lock.level) || blocksReads(lock.level) || lock.table === undefined) continue
      if (change.schema.views.has(lock.table)) continue // a materialized view: only REFRESH writes it
      // Created earlier in this file, or by this very statement: empty and unused.
      const created = change.schema.tables.get(lock.table)?.origin === 'file' || (lock.table === change.lock.table && onNewTable(change))
      if (created) continue
      report({ message: `${lock.level} on \`${lock.table}\` requested with no lock_timeout set`, at: change.at, object: lock.table })
    }
  },
})
