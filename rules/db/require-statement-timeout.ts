import { defineRule } from '../../src/core/rule.js'
import { blocksWrites } from '../../src/db/lock-facts.js'
import { describeLock, hasLockTimeout, onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'require-statement-timeout',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['statement'],
  summary: 'A statement that blocks writes on an existing table runs with no statement_timeout set.',
  why:
    'Once it holds its lock, a statement that runs longer than expected (a scan, a rewrite, an index build on a ' +
    'table bigger than in staging) keeps writers waiting for as long as it runs; nothing stops it.',
  safe:
    "SET statement_timeout = '5s' (SET LOCAL inside a transaction) before it, sized for the statement; run " +
    'long non-blocking work (CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT) with its own, longer timeout.',
  seeAlso: ['squawk: require-statement-timeout, require-timeout-settings'],
  check(change, report) {
    const table = change.lock.table
    if (!blocksWrites(change.lock.level) || table === undefined || onNewTable(change)) return
    if (change.schema.views.has(table) && change.lock.level !== 'ACCESS EXCLUSIVE') return // only REFRESH writes a materialized view
    // Same rule for "is a timeout in effect" as lock_timeout: set, and not 0.
    if (hasLockTimeout({ tx: { ...change.tx, lockTimeout: change.tx.statementTimeout } })) return
    report({ message: `statement ${describeLock(change.lock)} with no statement_timeout set`, at: change.at, object: table })
  },
})
