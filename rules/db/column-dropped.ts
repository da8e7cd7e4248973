import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'column-dropped',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['column-dropped'],
  summary: 'A column that version A reads or writes is dropped.',
  why: 'During the rollout version A still runs; its queries name the column and fail as soon as it is gone.',
  safe: 'Stop reading and writing the column in the application first (deploy that), then drop it in a later migration.',
  seeAlso: ['squawk: ban-drop-column', 'Atlas: DS103', 'strong_migrations: remove_column'],
  check(change, report) {
    if (!knownToA(change)) return // added by these migrations: version A never used it
    report({ message: `column \`${change.object}\` dropped`, at: change.at, object: change.object })
  },
})
