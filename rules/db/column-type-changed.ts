import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'column-type-changed',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['column-type-changed'],
  summary: "A column's type changes in a way version A's values or writes may not fit.",
  why:
    'Version A reads and writes the column with the old type in mind: narrower or different values fail on write, ' +
    'and reads return another representation. Widening (varchar(32) → varchar(64), varchar → text, numeric ' +
    'precision up, int → bigint) is not reported here; its table rewrite is `table-rewritten`.',
  safe: 'Add a column with the new type, write both, backfill in batches, move reads over, then drop the old column.',
  seeAlso: ['squawk: changing-column-type', 'strong_migrations: change_column', 'Atlas: PG301'],
  check(change, report) {
    if (!knownToA(change)) return
    if (change.compatibility === 'same' || change.compatibility === 'widened') return
    const from = change.from === undefined ? 'an unknown type' : `\`${change.from.display}\``
    report({ message: `column \`${change.object}\` type changed from ${from} to \`${change.to.display}\``, at: change.at, object: change.object })
  },
})
