import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'transaction-nested',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['statement'],
  summary: 'BEGIN inside an open transaction, or COMMIT ending the runner’s transaction before the file ends.',
  why:
    'PostgreSQL has no nested transactions: a second BEGIN is ignored with a warning, and a COMMIT inside a file ' +
    'the runner wraps ends its transaction early, so the rest of the file runs without it (and a failure there ' +
    'leaves the migration half applied).',
  safe: 'Remove the extra BEGIN/COMMIT, or split the file so that statements needing their own transaction get their own file.',
  seeAlso: ['squawk: transaction-nesting'],
  check(change, report) {
    const control = change.transactionControl
    if (control === 'begin' && change.tx.mode === 'explicit') {
      report({ message: 'BEGIN while a transaction is already open', at: change.at })
      return
    }
    // Inside the runner's transaction, a COMMIT that ends the file changes nothing (Prisma's generated
    // `BEGIN; … COMMIT;` enum migrations); one followed by statements leaves them outside any transaction.
    const after = change.statement.fileStatements - change.statement.index - 1
    if ((control === 'commit' || control === 'rollback') && change.tx.mode === 'implicit' && after > 0) {
      const rest = after === 1 ? 'the statement after it runs' : `the ${after} statements after it run`
      report({ message: `${control.toUpperCase()} inside the runner's transaction: ${rest} outside it`, at: change.at })
    }
  },
})
