import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'table-dropped',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['table-dropped'],
  summary: 'A table that version A uses is dropped.',
  why: 'Version A keeps querying the table during the rollout and fails once it is gone; its data is lost too.',
  safe: 'Remove every use of the table from the application and deploy that first; drop the table in a later release.',
  seeAlso: ['squawk: ban-drop-table', 'Atlas: DS102'],
  check(change, report) {
    if (!knownToA(change)) return
    report({ message: `table \`${change.object}\` dropped`, at: change.at, object: change.object })
  },
})
