import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'column-set-not-null',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['column-set-not-null'],
  summary: 'An existing nullable column becomes NOT NULL.',
  why:
    'Version A may still write NULL into the column (or omit it); those writes fail. SET NOT NULL also reads the ' +
    'whole table under ACCESS EXCLUSIVE unless a validated CHECK (c IS NOT NULL) proves it (PostgreSQL 12+).',
  safe:
    'Make every writer set the column first. Then add CHECK (c IS NOT NULL) NOT VALID, VALIDATE it in a later ' +
    'transaction, SET NOT NULL (no scan on PG12+), and drop the CHECK.',
  seeAlso: ['squawk: adding-not-nullable-field', 'Atlas: MF104, PG303', 'strong_migrations: change_column_null'],
  check(change, report) {
    if (!knownToA(change)) return
    if (change.provenByCheck) return // a validated CHECK already rejects A's NULLs, and PG12+ skips the scan
    if (change.column?.notNull) return
    report({ message: `column \`${change.object}\` set NOT NULL`, at: change.at, object: change.object })
  },
})
