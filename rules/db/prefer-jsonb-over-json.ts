import { defineRule } from '../../src/core/rule.js'
import { introducedType } from '../../src/db/introduced-type.js'

export const rule = defineRule({
  id: 'prefer-jsonb-over-json',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['column-added', 'column-type-changed'],
  summary: 'A column is given the `json` type instead of `jsonb`.',
  why:
    'json has no equality operator: SELECT DISTINCT, GROUP BY, UNION and comparisons on the column (or on rows ' +
    'containing it) fail. It is re-parsed on every access and cannot be indexed with GIN.',
  safe: 'Use `jsonb` (keep `json` only when the exact text, key order or duplicate keys must be preserved).',
  seeAlso: ['strong_migrations: add_column_json', 'eugene: E3'],
  check(change, report) {
    const t = introducedType(change)
    if (t?.type.name !== 'json') return
    report({ message: t.message, at: change.at, object: change.object })
  },
})
