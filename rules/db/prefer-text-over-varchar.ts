import { defineRule } from '../../src/core/rule.js'
import { introducedType } from '../../src/db/introduced-type.js'

export const rule = defineRule({
  id: 'prefer-text-over-varchar',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['column-added', 'column-type-changed'],
  summary: 'A column is given a length-limited `varchar(n)`.',
  why:
    'varchar(n) is stored exactly like text; the limit only rejects writes. Raising it is cheap, but lowering ' +
    'it, or moving it to a CHECK later, takes ACCESS EXCLUSIVE and rewrites or scans the table.',
  safe: 'Use `text`, with `CHECK (length(c) <= n)` added NOT VALID and validated separately when a limit matters.',
  seeAlso: ['squawk: prefer-text-field'],
  check(change, report) {
    const t = introducedType(change)
    if (t?.type.name !== 'varchar' || t.type.mods.length === 0) return
    report({ message: t.message, at: change.at, object: change.object })
  },
})
