import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'
import { findConstraint } from '../../src/db/schema-model.js'

export const rule = defineRule({
  id: 'constraint-renamed',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['constraint-renamed'],
  summary: 'A constraint that version A may name is renamed.',
  why:
    'Version A may name the constraint: INSERT … ON CONFLICT ON CONSTRAINT name fails once it is gone, and code ' +
    'that maps violation errors by constraint name (a duplicate email → 409) stops recognising them.',
  safe: 'Keep the old name until no running version refers to it, or release code that accepts both names first.',
  check(change, report) {
    const constraint = findConstraint(change.table, change.from)
    if (constraint !== undefined && constraint.origin !== 'existing') return
    if (constraint === undefined && !knownToA(change)) return
    report({ message: `constraint \`${change.object}\` renamed to \`${change.to}\``, at: change.at, object: change.object })
  },
})
