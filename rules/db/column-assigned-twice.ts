import { defineRule } from '../../src/core/rule.js'
import { duplicateColumns } from '../../src/db/statement-names.js'

export const rule = defineRule({
  id: 'column-assigned-twice',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['statement'],
  summary: 'A column appears twice in CREATE TABLE, UPDATE … SET, an INSERT column list or a view column list.',
  why: 'PostgreSQL rejects the statement ("specified more than once" / "multiple assignments"), so the migration fails.',
  safe: 'Keep one definition or assignment per column.',
  seeAlso: ['squawk: ban-duplicate-column-assignments'],
  check(change, report) {
    for (const name of duplicateColumns(change.statement.node)) {
      report({ message: `column \`${name}\` assigned twice in one statement`, at: change.at, object: change.object ? `${change.object}.${name}` : name })
    }
  },
})
