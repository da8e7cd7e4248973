import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'concurrently-in-transaction',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['index-created', 'index-dropped', 'index-rebuilt', 'partition-detached'],
  summary: 'A CONCURRENTLY operation runs inside a transaction block, where PostgreSQL refuses it.',
  why:
    'CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY cannot run in a ' +
    'transaction block: the migration fails. The transaction is either an explicit BEGIN or the one a runner ' +
    '(Flyway, Prisma, Drizzle, Kysely, --assume-in-transaction) wraps around a file with several statements.',
  safe: 'Move the statement into a migration file of its own that the runner does not wrap (or end the transaction first).',
  seeAlso: ['squawk: ban-concurrent-index-creation-in-transaction', 'Atlas: PG103'],
  check(change, report) {
    if (!change.concurrently || change.tx.mode === 'none') return
    const where = change.tx.mode === 'explicit' ? 'inside BEGIN … COMMIT' : "inside the runner's transaction"
    report({ message: `CONCURRENTLY on \`${change.object}\` ${where}`, at: change.at, object: change.object })
  },
})
