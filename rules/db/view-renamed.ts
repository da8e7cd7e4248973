import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'view-renamed',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['view-renamed'],
  summary: 'A view that version A queries is renamed or moved to another schema.',
  why: 'Version A still selects from the old name and fails after the rename.',
  safe: 'Create the view under the new name beside the old one; drop the old one once no version uses it.',
  check(change, report) {
    if (!knownToA(change)) return
    if (change.recreated) return // a view or table with the old name follows in the same file: A's name keeps working
    report({ message: `view \`${change.from}\` renamed to \`${change.to}\``, at: change.at, object: change.object })
  },
})
