import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'database-dropped',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['database-dropped'],
  summary: 'A migration drops a whole database.',
  why: 'Every client of the database, version A included, loses all of its data and fails on its next query.',
  safe: 'Never drop a database from a migration: move the data first, then drop it by hand once nothing connects to it.',
  seeAlso: ['squawk: ban-drop-database'],
  check(change, report) {
    report({ message: `database \`${change.object}\` dropped`, at: change.at, object: change.object })
  },
})
