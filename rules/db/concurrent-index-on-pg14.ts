import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'concurrent-index-on-pg14',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['index-created', 'index-rebuilt'],
  summary: 'An index is built CONCURRENTLY on PostgreSQL 14, whose 14.0–14.3 releases can corrupt it.',
  why:
    'A bug in PostgreSQL 14.0 to 14.3 can leave indexes built or rebuilt with CONCURRENTLY silently missing rows ' +
    '(fixed in 14.4), so queries using them return wrong results.',
  safe: 'Make sure the server runs 14.4 or later before building indexes concurrently (and REINDEX those built before).',
  seeAlso: ['strong_migrations: add_index_corruption'],
  check(change, report) {
    if (!change.concurrently || change.pgVersion !== 14) return
    const target = change.kind === 'index-created' ? change.object : change.target
    report({ message: `index \`${target}\` built CONCURRENTLY on PostgreSQL 14 (14.0–14.3 can corrupt it)`, at: change.at, object: change.object })
  },
})
