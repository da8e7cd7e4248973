import { defineRule } from '../../src/core/rule.js'
import { lineOf, onNewTable } from '../../src/db/rule-helpers.js'
import { lockRank } from '../../src/db/lock-facts.js'

export const rule = defineRule({
  id: 'not-valid-validated-in-same-transaction',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['constraint-validated'],
  summary: 'A constraint is validated in the same transaction that holds a strong lock on its table.',
  why:
    'NOT VALID keeps the ADD brief; VALIDATE then scans under SHARE UPDATE EXCLUSIVE, which does not block ' +
    'writes. Inside one transaction the lock taken by the ADD (ACCESS EXCLUSIVE or SHARE ROW EXCLUSIVE) is ' +
    'still held during the scan, so the split gains nothing.',
  safe: 'Commit after ADD CONSTRAINT … NOT VALID and run VALIDATE CONSTRAINT in a separate transaction (or migration).',
  seeAlso: ['squawk: constraint-missing-not-valid', 'strong_migrations: validate_foreign_key'],
  check(change, report) {
    if (change.tx.mode === 'none' || onNewTable(change)) return
    const table = change.lock.table
    const held = change.tx.held.find((h) => h.table === table && lockRank(h.level) >= lockRank('SHARE ROW EXCLUSIVE'))
    if (held === undefined) return
    report({
      message: `constraint \`${change.object}\` validated while the transaction holds ${held.level} on \`${table}\` since ${lineOf(held.at)}`,
      at: change.at,
      object: change.object,
    })
  },
})
