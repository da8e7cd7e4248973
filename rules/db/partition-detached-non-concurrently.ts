import { defineRule } from '../../src/core/rule.js'
import { onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'partition-detached-non-concurrently',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['partition-detached'],
  summary: 'A partition is detached without CONCURRENTLY on PostgreSQL 14 or later.',
  why:
    'DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table: queries on every partition wait for it, ' +
    'and it waits for every running query. DETACH … CONCURRENTLY (PostgreSQL 14+) only takes SHARE UPDATE EXCLUSIVE.',
  safe:
    'ALTER TABLE parent DETACH PARTITION child CONCURRENTLY, outside a transaction block (not possible while the ' +
    'table has a DEFAULT partition); if it is interrupted, finish it with DETACH PARTITION … FINALIZE.',
  seeAlso: ['squawk: require-concurrent-partition-detach'],
  check(change, report) {
    if (change.concurrently || change.pgVersion < 14 || onNewTable(change)) return
    const parent = change.table?.key ?? change.lock.table
    report({ message: `partition \`${change.partition}\` detached from \`${parent}\` without CONCURRENTLY`, at: change.at, object: change.object })
  },
})
