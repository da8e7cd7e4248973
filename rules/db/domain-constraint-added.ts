import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'
import { columnsOfType } from '../../src/db/schema-usage.js'

export const rule = defineRule({
  id: 'domain-constraint-added',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['domain-constraint-added'],
  summary: 'A constraint is added to an existing domain, checking every column of that type.',
  why:
    'ALTER DOMAIN … ADD CONSTRAINT checks every row of every table with a column of the domain while it holds ' +
    "their locks, and version A's writes that break the new rule fail. NOT VALID skips the existing rows, not A's writes.",
  safe:
    'Put the rule on the columns instead: ADD CONSTRAINT … CHECK (…) NOT VALID on each table, VALIDATE in a later ' +
    'transaction, once every writer respects it.',
  seeAlso: ['squawk: ban-alter-domain-with-add-constraint'],
  check(change, report) {
    if (!knownToA(change)) return
    const columns = change.type === undefined ? [] : columnsOfType(change.schema, change.type)
    const used = columns.length === 0 ? '' : ` (used by ${columns.map((c) => `\`${c}\``).join(', ')})`
    const how = change.notValid ? ' NOT VALID' : ''
    report({ message: `constraint added${how} to domain \`${change.object}\`${used}`, at: change.at, object: change.object })
  },
})
