import { defineRule } from '../../src/core/rule.js'
import { dataScope } from '../../src/db/data-scope.js'
import { blocksWrites } from '../../src/db/lock-facts.js'
import { lineOf } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'data-modified-in-ddl-transaction',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['data-modified'],
  summary: 'Data is backfilled in the transaction that holds a schema change’s lock on an existing table.',
  why:
    'The lock taken by the earlier DDL (ACCESS EXCLUSIVE for most ALTER TABLE forms) is held until the ' +
    'transaction ends, so version A cannot write (often not even read) the table for as long as the backfill runs.',
  safe: 'Commit the schema change first; backfill afterwards, in batches, each batch in its own short transaction.',
  seeAlso: ['strong_migrations: backfilling data', 'eugene: E4'],
  check(change, report) {
    if (change.tx.mode === 'none') return
    if (change.operation === 'insert' && dataScope(change.statement.node) === 'values') return // a few literal rows
    const held = change.tx.held.find((h) => blocksWrites(h.level) && h.tableOrigin !== 'file')
    if (held === undefined) return
    report({
      message: `${change.operation.toUpperCase()} of \`${change.object}\` runs while the transaction holds ${held.level} on \`${held.table}\` since ${lineOf(held.at)}`,
      at: change.at,
      object: change.object,
    })
  },
})
