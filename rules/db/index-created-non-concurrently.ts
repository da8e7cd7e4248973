import { defineRule } from '../../src/core/rule.js'
import { onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'index-created-non-concurrently',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['index-created'],
  summary: 'An index is built on an existing table without CONCURRENTLY, blocking its writes.',
  why: 'CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table waits until it ends.',
  safe: 'CREATE INDEX CONCURRENTLY, outside any transaction block (in its own migration file if the runner wraps files).',
  seeAlso: ['squawk: require-concurrent-index-creation', 'Atlas: PG101', 'strong_migrations: add_index'],
  check(change, report) {
    if (change.concurrently || onNewTable(change)) return
    const kind = change.index.unique ? 'unique index' : 'index'
    report({ message: `${kind} \`${change.object}\` on \`${change.index.table}\` created without CONCURRENTLY`, at: change.at, object: change.object })
  },
})
