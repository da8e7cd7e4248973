import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'table-truncated',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['table-truncated'],
  summary: 'A table that version A uses is emptied with TRUNCATE.',
  why:
    'TRUNCATE removes every row at once under ACCESS EXCLUSIVE: version A, still running, suddenly sees an ' +
    'empty table, and the data cannot be recovered without a backup.',
  safe: 'Delete the rows you mean to remove (in batches) or make sure the table is unused by every running version first.',
  seeAlso: ['squawk: ban-truncate-cascade'],
  check(change, report) {
    if (change.cascade || !knownToA(change)) return // CASCADE: table-truncated-with-cascade says it
    report({ message: `table \`${change.object}\` truncated`, at: change.at, object: change.object })
  },
})
