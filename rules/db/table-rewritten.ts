import { defineRule } from '../../src/core/rule.js'
import { describeLock, onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'table-rewritten',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['column-added', 'column-type-changed', 'table-rewritten'],
  summary: 'A statement rewrites an existing table (and its indexes) under ACCESS EXCLUSIVE.',
  why:
    'A rewrite copies every row while holding ACCESS EXCLUSIVE: nothing can read or write the table until it ' +
    'ends. Causes: a type change that is not binary-coercible, ADD COLUMN with a volatile default (random(), ' +
    'gen_random_uuid(), serial, identity) or a STORED generated column, VACUUM FULL, CLUSTER, SET TABLESPACE.',
  safe:
    'Add the column without a default (or with a constant one), set the default afterwards and backfill in ' +
    'batches; for a type change, add a new column, dual-write, backfill and swap.',
  seeAlso: ['squawk: adding-field-with-default, changing-column-type', 'Atlas: PG301, PG302', 'eugene: E5, E10, E11'],
  check(change, report) {
    if (!change.lock.rewrite || onNewTable(change)) return
    if (change.kind === 'column-added' && change.inCreateTable) return
    const what =
      change.kind === 'column-added'
        ? `column \`${change.object}\` added`
        : change.kind === 'column-type-changed'
          ? `column \`${change.object}\` changed to \`${change.to.display}\``
          : `${change.how} on \`${change.object}\``
    report({ message: `${what}: ${describeLock(change.lock)}`, at: change.at, object: change.object })
  },
})
