import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'table-renamed',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['table-renamed'],
  summary: 'A table that version A uses is renamed or moved to another schema.',
  why: 'Version A still queries the table by its old name and fails as soon as the rename commits.',
  safe: 'Rename the table and create a view with the old name in the same transaction; drop the view once no version uses the old name.',
  seeAlso: ['squawk: renaming-table', 'Atlas: BC101', 'strong_migrations: rename_table'],
  check(change, report) {
    if (!knownToA(change)) return
    if (change.recreated) return // a view or table with the old name follows in the same file: A's name keeps working
    report({ message: `table \`${change.from}\` renamed to \`${change.to}\``, at: change.at, object: change.object })
  },
})
