import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

const names = { 'foreign-key': 'FOREIGN KEY', unique: 'UNIQUE', 'primary-key': 'PRIMARY KEY', exclude: 'EXCLUDE' } as const
export const rule = defineRule({
  id: 'constraint-dropped',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['constraint-dropped'],
  summary: 'A FOREIGN KEY, UNIQUE, PRIMARY KEY or EXCLUDE constraint that version A relies on is dropped.',
  why:
    'Version A may depend on what the constraint does for it: cascading deletes, ON CONFLICT (which needs a ' +
    'unique index on exactly its columns), or the promise that rows are unique or refer to something.',
  safe:
    'Make sure no running version relies on it (ON CONFLICT targets, cascades, duplicate handling) and drop it in ' +
    'a later release; to replace it, add the new constraint first.',
  seeAlso: ['Atlas: CD101'],
  check(change, report) {
    const type = change.constraint?.type
    if (type === undefined || type === 'check' || type === 'not-null' || !knownToA(change)) return
    report({
      message: `${names[type]} constraint \`${change.name}\` on \`${change.table?.key ?? change.lock.table}\` dropped`,
      at: change.at,
      object: change.object,
    })
  },
})
