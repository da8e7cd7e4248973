import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'index-renamed',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['index-renamed'],
  summary: 'An index is renamed where that renames a constraint or locks the table (before PostgreSQL 12).',
  why:
    'Renaming the index of a UNIQUE, PRIMARY KEY or EXCLUDE constraint renames the constraint too, so version ' +
    "A's ON CONFLICT ON CONSTRAINT and error mapping by name break. Before PostgreSQL 12, ALTER INDEX … RENAME " +
    'also takes ACCESS EXCLUSIVE on the table.',
  safe:
    'Leave constraint indexes their names until no running version refers to them; on PostgreSQL 11 or older, ' +
    'rename with lock_timeout set, in a quiet period.',
  check(change, report) {
    if (!knownToA(change)) return
    // The change is made before the rename: the index still has its old key.
    const index = change.schema.indexes.get(change.from)
    if (index?.constraint !== undefined) {
      report({ message: `index \`${change.from}\` renamed to \`${change.to}\`: renames constraint \`${index.constraint}\` too`, at: change.at, object: change.object })
    } else if (change.pgVersion < 12) {
      report({ message: `index \`${change.from}\` renamed to \`${change.to}\`: takes ACCESS EXCLUSIVE on \`${change.lock.table}\` before PostgreSQL 12`, at: change.at, object: change.object })
    }
  },
})
