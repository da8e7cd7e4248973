import { defineRule } from '../../src/core/rule.js'
import { onNewTable } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'column-type-changed-with-check',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['column-type-changed'],
  summary: 'A type change that would not rewrite the table re-checks CHECK constraints on the column.',
  why:
    'PostgreSQL drops and re-adds every constraint on a column whose type changes: each CHECK on it is validated ' +
    'again over all rows while ACCESS EXCLUSIVE is held, even for a binary-coercible change such as varchar → text.',
  safe:
    'Drop the CHECK constraints on the column, change the type, then add them back NOT VALID and VALIDATE them ' +
    'in a later transaction.',
  seeAlso: ['strong_migrations: change_column_constraint'],
  check(change, report) {
    if (change.rewrite || onNewTable(change)) return // a rewrite is reported by table-rewritten
    const name = change.column?.name ?? change.object.slice(change.object.lastIndexOf('.') + 1)
    const checks = (change.table?.constraints ?? []).filter((c) => c.type === 'check' && c.valid && c.columns.includes(name))
    if (checks.length === 0) return
    const list = checks.map((c) => `\`${c.name}\``).join(', ')
    report({ message: `column \`${change.object}\` changed to \`${change.to.display}\` re-validates ${list} under ACCESS EXCLUSIVE`, at: change.at, object: change.object })
  },
})
