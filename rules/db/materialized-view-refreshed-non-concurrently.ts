import { defineRule } from '../../src/core/rule.js'
import { onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'materialized-view-refreshed-non-concurrently',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['statement'],
  summary: 'An existing materialized view is refreshed without CONCURRENTLY, blocking its readers.',
  why:
    'REFRESH MATERIALIZED VIEW holds ACCESS EXCLUSIVE on the view for the whole query that rebuilds it: every ' +
    'SELECT from it by version A waits until the refresh ends.',
  safe:
    'Give the view a unique index (CREATE UNIQUE INDEX CONCURRENTLY) and use REFRESH MATERIALIZED VIEW ' +
    'CONCURRENTLY, outside the migration if it takes long.',
  check(change, report) {
    if (change.lock.action !== 'refresh-materialized-view' || onNewTable(change)) return
    report({ message: `materialized view \`${change.lock.table}\` refreshed without CONCURRENTLY`, at: change.at, object: change.lock.table })
  },
})
