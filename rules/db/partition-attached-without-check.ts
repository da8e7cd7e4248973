import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'partition-attached-without-check',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['partition-attached'],
  summary: 'An existing table is attached as a partition with no CHECK constraint proving its bound.',
  why:
    'ATTACH PARTITION reads every row of the table to check it fits the partition bound, holding ACCESS ' +
    'EXCLUSIVE on it (and, before PostgreSQL 12, on the partitioned table too). A valid CHECK constraint that ' +
    'implies the bound lets PostgreSQL skip the scan.',
  safe:
    'Add a CHECK constraint matching the bound NOT VALID, VALIDATE it in a separate transaction, ATTACH the ' +
    'partition, then drop the CHECK.',
  check(change, report) {
    const child = change.schema.tables.get(change.partition)
    if (child?.origin === 'file') return // created in this file: empty
    if (child?.constraints.some((c) => c.type === 'check' && c.valid)) return
    const parent = change.table?.key ?? change.lock.table
    const old = change.pgVersion < 12 ? ` (and ACCESS EXCLUSIVE on \`${parent}\`)` : ''
    report({
      message: `partition \`${change.partition}\` attached to \`${parent}\`: every row is checked under ACCESS EXCLUSIVE${old}`,
      at: change.at,
      object: change.object,
    })
  },
})
