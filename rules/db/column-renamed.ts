import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'column-renamed',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['column-renamed'],
  summary: 'A column that version A uses is renamed.',
  why: 'Version A still names the column by its old name; every query that mentions it fails after the rename.',
  safe: 'Add the new column, write both (trigger or application), backfill, move reads to the new column, then drop the old one later.',
  seeAlso: ['squawk: renaming-column', 'Atlas: BC102', 'strong_migrations: rename_column'],
  check(change, report) {
    if (!knownToA(change)) return
    const table = change.object.slice(0, change.object.lastIndexOf('.'))
    report({ message: `column \`${change.object}\` renamed to \`${table}.${change.to}\``, at: change.at, object: change.object })
  },
})
