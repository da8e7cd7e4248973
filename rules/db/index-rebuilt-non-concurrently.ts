import { defineRule } from '../../src/core/rule.js'
import { onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'index-rebuilt-non-concurrently',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['index-rebuilt'],
  summary: 'REINDEX runs without CONCURRENTLY on an existing table or index.',
  why:
    'REINDEX holds a SHARE lock on the table for the whole rebuild (writes wait) and ACCESS EXCLUSIVE on each ' +
    'index it rebuilds, so even reads that would use the index wait.',
  safe:
    'REINDEX (CONCURRENTLY) … on PostgreSQL 12+, outside a transaction block. Before 12: CREATE INDEX ' +
    'CONCURRENTLY a copy, DROP INDEX CONCURRENTLY the old one and rename the copy.',
  seeAlso: ['squawk: require-concurrent-reindex'],
  check(change, report) {
    if (change.concurrently || onNewTable(change)) return
    report({ message: `REINDEX of \`${change.target}\` without CONCURRENTLY`, at: change.at, object: change.object })
  },
})
