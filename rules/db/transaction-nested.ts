import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'transaction-nested',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['statement'],
  summary: 'BEGIN or COMMIT where a transaction is already open, or inside the runner’s own transaction.',
  why:
    'PostgreSQL has no nested transactions: a second BEGIN is ignored with a warning, and a COMMIT inside a file ' +
    'the runner wraps ends its transaction early, so the rest of the file runs without it.',
  safe: 'Remove the extra BEGIN/COMMIT, or split the file so that statements needing their own transaction get their own file.',
  seeAlso: ['squawk: transaction-nesting'],
  check(change, report) {
    const control = change.transactionControl
    if (control === 'begin' && change.tx.mode !== 'none') {
      const where = change.tx.mode === 'explicit' ? 'a transaction is already open' : "inside the runner's transaction"
      report({ message: `BEGIN while ${where}`, at: change.at })
    } else if ((control === 'commit' || control === 'rollback') && change.tx.mode === 'implicit') {
      report({ message: `${control.toUpperCase()} inside the runner's transaction`, at: change.at })
    }
  },
})
