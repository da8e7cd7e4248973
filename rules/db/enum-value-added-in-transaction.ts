import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'enum-value-added-in-transaction',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['enum-value-added'],
  summary: 'ALTER TYPE … ADD VALUE runs inside a transaction block on PostgreSQL 11 or older.',
  why:
    'Before PostgreSQL 12, ADD VALUE cannot run inside a transaction block (unless the type was created in the ' +
    'same transaction): the migration fails. The transaction may be a BEGIN in the file or the one the runner ' +
    'wraps around it.',
  safe:
    'Put ALTER TYPE … ADD VALUE in a migration of its own that runs outside a transaction. On PostgreSQL 12+ it ' +
    'may run in one, but the new value cannot be used until that transaction commits.',
  check(change, report) {
    if (change.pgVersion >= 12 || change.tx.mode === 'none') return
    if (change.type?.origin === 'file') return // created in the same file (and transaction): allowed
    const where = change.tx.mode === 'explicit' ? 'inside BEGIN … COMMIT' : "inside the runner's transaction"
    report({ message: `value '${change.value}' added to enum \`${change.type?.key ?? change.object}\` ${where}`, at: change.at, object: change.object })
  },
})
