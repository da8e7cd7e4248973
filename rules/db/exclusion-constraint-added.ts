import { defineRule } from '../../src/core/rule.js'
import { describeLock, onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'exclusion-constraint-added',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['constraint-added'],
  summary: 'An EXCLUDE constraint is added to an existing table, building its index under ACCESS EXCLUSIVE.',
  why:
    'An exclusion constraint has no NOT VALID and no USING INDEX form: its index is built and every row checked ' +
    'while the table is locked against reads and writes.',
  safe:
    'There is no lock-free way. Add it to a new table and move the data over, or enforce the rule in the ' +
    'application (or a trigger) and add the constraint in a maintenance window with lock_timeout set.',
  seeAlso: ['strong_migrations: add_exclusion_constraint', 'eugene: E8'],
  check(change, report) {
    if (change.constraint.type !== 'exclude' || change.inCreateTable || onNewTable(change)) return
    report({ message: `EXCLUDE constraint \`${change.constraint.name}\` added: ${describeLock(change.lock)}`, at: change.at, object: change.object })
  },
})
