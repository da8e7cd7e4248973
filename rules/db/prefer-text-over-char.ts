import { defineRule } from '../../src/core/rule.js'
import { introducedType } from '../../src/db/introduced-type.js'

export const rule = defineRule({
  id: 'prefer-text-over-char',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['column-added', 'column-type-changed'],
  summary: 'A column is given the blank-padded `char(n)` / `character(n)` type.',
  why:
    'char(n) pads values with spaces to n characters and ignores trailing spaces in comparisons, which surprises ' +
    'application code; it is no faster than text and takes more space.',
  safe: 'Use `text` (or `varchar`), with a CHECK constraint on the length if one is needed.',
  seeAlso: ['squawk: ban-char-field'],
  check(change, report) {
    const t = introducedType(change)
    if (t?.type.name !== 'bpchar') return
    report({ message: t.message, at: change.at, object: change.object })
  },
})
