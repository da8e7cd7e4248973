import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'transaction-left-open',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['transaction-left-open'],
  summary: 'A BEGIN has no matching COMMIT or ROLLBACK before the file ends.',
  why:
    'Depending on the runner, the open transaction is rolled back when the session ends (the migration ' +
    '"succeeds" but nothing is applied) or stays open holding every lock it took.',
  safe: 'End every transaction the file starts with COMMIT.',
  seeAlso: ['squawk: ban-uncommitted-transaction'],
  check(change, report) {
    report({ message: 'transaction started here is never committed', at: change.at })
  },
})
