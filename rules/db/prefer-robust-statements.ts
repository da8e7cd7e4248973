import { defineRule } from '../../src/core/rule.js'
import { fragileParts } from '../../src/db/robust-statements.js'

export const rule = defineRule({
  id: 'prefer-robust-statements',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['statement'],
  summary: 'A DDL statement outside a transaction cannot be run twice (no IF [NOT] EXISTS).',
  why:
    'Outside a transaction each statement commits on its own: when a later one fails, the migration is retried ' +
    'from the top and this statement fails because its work is already done. A failed CREATE INDEX CONCURRENTLY ' +
    'also leaves an INVALID index behind.',
  safe:
    'Use IF NOT EXISTS / IF EXISTS (DROP CONSTRAINT IF EXISTS before ADD CONSTRAINT), name every index, or run ' +
    'the file in one transaction when nothing in it needs to run outside one.',
  seeAlso: ['squawk: prefer-robust-stmts'],
  check(change, report) {
    if (change.tx.mode !== 'none') return
    const table = change.lock.table === undefined ? undefined : change.schema.tables.get(change.lock.table)
    if (table?.origin === 'file') return // a rerun already fails at the CREATE TABLE earlier in the file
    // A file of one statement leaves nothing behind when it fails, except an INVALID concurrent index.
    const alone = change.statement.fileStatements === 1
    const parts = fragileParts(change.statement.node).filter((p) => !alone || p.includes('CONCURRENTLY'))
    if (parts.length === 0) return
    report({ message: `${parts.join(', ')} outside a transaction`, at: change.at, ...(change.object ? { object: change.object } : {}) })
  },
})
