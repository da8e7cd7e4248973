import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'column-default-dropped',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['column-default-dropped'],
  summary: 'The default of a column that version A may omit from its INSERTs is dropped.',
  why:
    'Version A relies on the default when it leaves the column out: its INSERTs now store NULL instead, or fail ' +
    'when the column is NOT NULL.',
  safe: 'Make every writer (version A included) set the column explicitly first; drop the default in a later release.',
  seeAlso: ['strong_migrations: change_column_default'],
  check(change, report) {
    if (!knownToA(change)) return
    if (change.column !== undefined && change.column.default === undefined) return // there was none
    const strict = change.column?.notNull ? ' (NOT NULL: inserts that omit it fail)' : ''
    report({ message: `default of column \`${change.object}\` dropped${strict}`, at: change.at, object: change.object })
  },
})
