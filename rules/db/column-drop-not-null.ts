import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'column-drop-not-null',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['column-drop-not-null'],
  summary: 'A NOT NULL column that version A reads may now hold NULL.',
  why: 'Version A was written for a column that is never NULL; once version B writes NULL, A may crash reading it.',
  safe: 'Make sure every reader (version A included) handles NULL before any writer stores one, or keep writing a marker value.',
  seeAlso: ['squawk: ban-drop-not-null'],
  check(change, report) {
    if (!knownToA(change)) return
    if (change.column !== undefined && !change.column.notNull) return
    report({ message: `column \`${change.object}\` no longer NOT NULL`, at: change.at, object: change.object })
  },
})
