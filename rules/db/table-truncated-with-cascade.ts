import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'table-truncated-with-cascade',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['table-truncated'],
  summary: 'TRUNCATE … CASCADE also empties every table that references the truncated one.',
  why:
    'CASCADE follows foreign keys recursively: tables the statement does not name (and may hold important data) ' +
    'are emptied too, under ACCESS EXCLUSIVE.',
  safe: 'Name every table to truncate explicitly, without CASCADE, so the statement fails instead of reaching further.',
  seeAlso: ['squawk: ban-truncate-cascade'],
  check(change, report) {
    if (!change.cascade || !knownToA(change)) return
    const referencing = [...change.schema.tables.values()]
      .filter((t) => t.key !== change.object && t.constraints.some((c) => c.references?.table === change.object))
      .map((t) => `\`${t.key}\``)
    const also = referencing.length === 0 ? '' : `: also empties ${referencing.join(', ')}`
    report({ message: `table \`${change.object}\` truncated with CASCADE${also}`, at: change.at, object: change.object })
  },
})
