import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'unique-index-dropped',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['index-dropped'],
  summary: 'A unique index that version A’s ON CONFLICT may depend on is dropped.',
  why:
    'INSERT … ON CONFLICT (columns) needs a unique index on exactly those columns: once it is gone, version A’s ' +
    'upserts fail with "there is no unique or exclusion constraint matching the ON CONFLICT specification", and ' +
    'duplicates can creep in.',
  safe: 'Create the replacement unique index CONCURRENTLY first, or make sure no running version upserts on these columns.',
  check(change, report) {
    const index = change.index
    if (index === undefined || !index.unique || !knownToA(change)) return
    const same = (columns: ReadonlyArray<string>) => columns.length === index.columns.length && columns.every((c) => index.columns.includes(c))
    const replaced = [...change.schema.indexes.values()].some((i) => i.key !== index.key && i.table === index.table && i.unique && !i.partial && same(i.columns))
    if (replaced) return // another unique index on the same columns keeps ON CONFLICT working
    report({ message: `unique index \`${change.object}\` on \`${index.table}\` (${index.columns.join(', ')}) dropped`, at: change.at, object: change.object })
  },
})
