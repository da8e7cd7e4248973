import { defineRule } from '../../src/core/rule.js'
import { dataScope } from '../../src/db/data-scope.js'
import { onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'require-batched-backfill',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['data-modified'],
  summary: 'An UPDATE or DELETE reaches every row of an existing table in one statement.',
  why:
    'One statement over a whole table locks every row it changes until it commits: version A’s writes to those ' +
    'rows wait, the table and WAL grow by a full copy, replicas fall behind, and a failure rolls it all back.',
  safe:
    'Backfill in batches of a few thousand rows (by primary key range), each in its own transaction, outside the ' +
    'migration that changes the schema; throttle between batches.',
  seeAlso: ['strong_migrations: backfilling data, change_column_null (with default)'],
  check(change, report) {
    if ((change.operation !== 'update' && change.operation !== 'delete') || onNewTable(change)) return
    const scope = dataScope(change.statement.node)
    if (scope !== 'all-rows' && scope !== 'null-rows') return
    const which = scope === 'all-rows' ? 'every row' : 'every row where the column IS NULL'
    report({ message: `${change.operation.toUpperCase()} of \`${change.object}\` reaches ${which} in one statement`, at: change.at, object: change.object })
  },
})
