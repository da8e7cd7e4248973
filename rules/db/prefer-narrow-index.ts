import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'prefer-narrow-index',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['index-created'],
  summary: 'A non-unique index has more than three columns.',
  why:
    'Wide indexes are large, slow every write to the table and are rarely used beyond their first columns; ' +
    'the planner can often combine narrower indexes instead.',
  safe: 'Index the two or three most selective columns (INCLUDE the others if the index must cover a query).',
  seeAlso: ['strong_migrations: add_index_columns'],
  check(change, report) {
    const n = change.index.columns.length
    if (change.index.unique || n <= 3) return
    report({ message: `index \`${change.object}\` on \`${change.index.table}\` has ${n} columns`, at: change.at, object: change.object })
  },
})
