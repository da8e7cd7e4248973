import { defineRule } from '../../src/core/rule.js'
import { onNewTable } from '../../src/db/rule-helpers.js'
import { findColumn, hasValidNotNullCheck } from '../../src/db/schema-model.js'

export const rule = defineRule({
  id: 'primary-key-added-on-nullable-column',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['constraint-added'],
  summary: 'A PRIMARY KEY makes nullable columns of an existing table NOT NULL, scanning it under lock.',
  why:
    'A primary key implies NOT NULL: PostgreSQL sets it on each nullable key column and reads every row to ' +
    'check it while holding ACCESS EXCLUSIVE, even with USING INDEX. Writes of NULL by version A then fail.',
  safe:
    'Make the columns NOT NULL first the cheap way: CHECK (c IS NOT NULL) NOT VALID, VALIDATE it in a later ' +
    'transaction, SET NOT NULL (no scan on PostgreSQL 12+); then ADD PRIMARY KEY USING INDEX.',
  seeAlso: ['Atlas: PG304', 'eugene: W14'],
  check(change, report) {
    if (change.constraint.type !== 'primary-key' || change.inCreateTable || onNewTable(change)) return
    const table = change.table
    const nullable = change.constraint.columns.filter((name) => {
      const column = findColumn(table, name)
      if (column === undefined || column.notNull) return false
      return !(change.pgVersion >= 12 && hasValidNotNullCheck(table, name)) // PG12+ trusts a valid CHECK
    })
    if (nullable.length === 0) return
    const list = nullable.map((c) => `\`${c}\``).join(', ')
    report({ message: `PRIMARY KEY \`${change.constraint.name}\` on \`${table?.key}\` sets nullable ${list} NOT NULL`, at: change.at, object: change.object })
  },
})
