import { defineRule } from '../../src/core/rule.js'
import { describeLock, onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'require-using-index',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['constraint-added'],
  summary: 'A UNIQUE or PRIMARY KEY constraint builds its index on an existing table under ACCESS EXCLUSIVE.',
  why:
    'ADD CONSTRAINT … UNIQUE / PRIMARY KEY (and ADD COLUMN … UNIQUE) builds the index while holding ACCESS ' +
    'EXCLUSIVE: nothing can read or write the table until every row has been indexed.',
  safe:
    'CREATE UNIQUE INDEX CONCURRENTLY idx ON t (cols), outside a transaction; check it is valid; then ' +
    'ALTER TABLE t ADD CONSTRAINT name UNIQUE USING INDEX idx (or PRIMARY KEY USING INDEX idx), which is instant.',
  seeAlso: [
    'squawk: disallowed-unique-constraint, adding-serial-primary-key-field',
    'Atlas: PG104, PG105',
    'strong_migrations: add_unique_constraint',
    'eugene: E7',
  ],
  check(change, report) {
    const type = change.constraint.type
    if (type !== 'unique' && type !== 'primary-key') return
    if (change.usingIndex !== undefined || change.inCreateTable || onNewTable(change)) return
    const kind = type === 'unique' ? 'UNIQUE' : 'PRIMARY KEY'
    const columns = change.constraint.columns.join(', ')
    report({ message: `${kind} \`${change.constraint.name}\` (${columns}) built without USING INDEX: ${describeLock(change.lock)}`, at: change.at, object: change.object })
  },
})
