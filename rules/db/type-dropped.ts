import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'type-dropped',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['type-dropped'],
  summary: 'A type (enum, domain, composite) that version A uses is dropped.',
  why: 'Version A casts to the type or reads columns of it; those queries fail once it is gone (CASCADE also drops the columns).',
  safe: 'Move every column and query off the type and deploy that first; drop the type in a later release.',
  seeAlso: ['Atlas: DS (destructive changes)'],
  check(change, report) {
    if (!knownToA(change)) return
    report({ message: `type \`${change.object}\` dropped`, at: change.at, object: change.object })
  },
})
