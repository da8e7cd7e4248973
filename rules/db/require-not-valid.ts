import { defineRule } from '../../src/core/rule.js'
import { describeLock, onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'require-not-valid',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['constraint-added'],
  summary: 'A CHECK or FOREIGN KEY is added to an existing table without NOT VALID.',
  why:
    'Without NOT VALID, PostgreSQL checks every existing row while holding the lock of the ADD (ACCESS EXCLUSIVE ' +
    'for CHECK, SHARE ROW EXCLUSIVE on both tables for a foreign key): writes wait for the whole scan.',
  safe: 'ADD CONSTRAINT … NOT VALID, commit, then ALTER TABLE … VALIDATE CONSTRAINT in a separate transaction.',
  seeAlso: ['squawk: constraint-missing-not-valid, adding-foreign-key-constraint', 'Atlas: PG305, PG306', 'eugene: E1'],
  check(change, report) {
    const type = change.constraint.type
    if ((type !== 'check' && type !== 'foreign-key') || change.notValid) return
    if (change.inCreateTable || onNewTable(change)) return
    const kind = type === 'check' ? 'CHECK' : 'FOREIGN KEY'
    report({ message: `${kind} \`${change.constraint.name}\` added without NOT VALID: ${describeLock(change.lock)}`, at: change.at, object: change.object })
  },
})
