import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'column-added-not-null-without-default',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['column-added'],
  summary: 'A NOT NULL column without a default is added to an existing table.',
  why:
    'Version A does not know the column, so its INSERTs omit it and fail the NOT NULL check; ' +
    'the migration itself fails if the table has rows.',
  safe: 'Add the column nullable (or with a constant default), backfill, and make it NOT NULL once every writer sets it.',
  seeAlso: ['squawk: adding-required-field', 'Atlas: MF103'],
  check(change, report) {
    // A table version A never knew gets no INSERT from A (a table new in this file is also empty).
    if (change.inCreateTable || change.tableOrigin !== 'existing') return
    const c = change.column
    if (!c.notNull || c.default !== undefined || c.generated !== undefined || c.identity !== undefined || change.serial) return
    report({ message: `column \`${change.object}\` added NOT NULL without a default`, at: change.at, object: change.object })
  },
})
