import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'domain-created-with-constraint',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['type-created'],
  summary: 'A domain is created with a CHECK or NOT NULL constraint.',
  why:
    'Constraints on a domain are hard to change later: altering them checks every column of the domain in ' +
    'every table at once, and a domain NOT NULL is not enforced everywhere (outer joins, composite fields).',
  safe: 'Create the domain without constraints (or use the base type) and put CHECK constraints on the columns that need them.',
  seeAlso: ['squawk: ban-create-domain-with-constraint'],
  check(change, report) {
    if (change.type.kind !== 'domain' || !change.type.constrained) return
    report({ message: `domain \`${change.object}\` created with a constraint`, at: change.at, object: change.object })
  },
})
