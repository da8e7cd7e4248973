import { defineRule } from '../../src/core/rule.js'
import { onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'index-dropped-non-concurrently',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['index-dropped'],
  summary: 'An index on an existing table is dropped without CONCURRENTLY.',
  why:
    'DROP INDEX takes ACCESS EXCLUSIVE on the table: it waits for every running query on it, and while it waits ' +
    'every new SELECT, INSERT, UPDATE and DELETE on the table queues behind it.',
  safe:
    'DROP INDEX CONCURRENTLY, outside any transaction block (in its own migration file if the runner wraps files). ' +
    'Indexes of partitioned tables cannot be dropped concurrently: drop them in a quiet period with lock_timeout set.',
  seeAlso: ['squawk: require-concurrent-index-deletion', 'Atlas: PG102', 'strong_migrations: remove_index'],
  check(change, report) {
    if (change.concurrently || onNewTable(change)) return
    if (change.table?.partitioned) return // PostgreSQL refuses DROP INDEX CONCURRENTLY here
    const on = change.index === undefined ? '' : ` on \`${change.index.table}\``
    report({ message: `index \`${change.object}\`${on} dropped without CONCURRENTLY`, at: change.at, object: change.object })
  },
})
