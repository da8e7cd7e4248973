import { defineRule } from '../../src/core/rule.js'
import { onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'strong-lock-held-across-statements',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['statement'],
  summary: 'A transaction takes ACCESS EXCLUSIVE on an existing table and then runs more statements.',
  why:
    'The lock is held until the transaction ends, so every later statement (an index build, a backfill, a ' +
    'validation) runs while no one can even read the table.',
  safe: 'Commit right after the statement that takes ACCESS EXCLUSIVE: one such statement per transaction, or per migration file.',
  seeAlso: ['eugene: E4'],
  check(change, report) {
    if (change.lock.level !== 'ACCESS EXCLUSIVE' || change.lock.table === undefined) return
    if (change.tx.mode === 'none' || change.tx.following === 0 || onNewTable(change)) return
    const n = change.tx.following
    report({
      message: `ACCESS EXCLUSIVE on \`${change.lock.table}\` stays held for ${n} more statement${n === 1 ? '' : 's'} of the transaction`,
      at: change.at,
      object: change.lock.table,
    })
  },
})
