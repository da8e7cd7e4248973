import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'view-dropped',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['view-dropped'],
  summary: 'A view that version A queries is dropped.',
  why: 'Version A still selects from the view and fails once it is gone.',
  safe: 'Remove every use of the view from the application first; drop it in a later release (or replace it with CREATE OR REPLACE VIEW).',
  seeAlso: ['Atlas: DS (destructive changes)'],
  check(change, report) {
    if (!knownToA(change)) return
    const what = change.materialized ? 'materialized view' : 'view'
    report({ message: `${what} \`${change.object}\` dropped`, at: change.at, object: change.object })
  },
})
