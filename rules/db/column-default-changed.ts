import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'column-default-changed',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['column-default-set'],
  summary: 'The default of a column that version A may omit from its INSERTs changes to another value.',
  why:
    'Version A relies on the old default when it leaves the column out: its new rows silently get the new value, ' +
    'which A may not expect (a status it does not know, another time zone, a different sequence).',
  safe:
    'Make version A write the column explicitly first (or accept the new value), then change the default. ' +
    'Adding a default where there was none is safe.',
  seeAlso: ['strong_migrations: change_column_default'],
  check(change, report) {
    const before = change.column?.default
    if (before === undefined || !knownToA(change)) return // no default before: A's inserts got NULL and still may
    if (before.key === change.default.key) return
    report({ message: `default of column \`${change.object}\` changed from \`${before.text}\` to \`${change.default.text}\``, at: change.at, object: change.object })
  },
})
