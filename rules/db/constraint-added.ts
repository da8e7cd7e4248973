import { defineRule } from '../../src/core/rule.js'
import { findColumn } from '../../src/db/schema-model.js'

const names = { check: 'CHECK', unique: 'UNIQUE', 'foreign-key': 'FOREIGN KEY', exclude: 'EXCLUDE' } as const

export const rule = defineRule({
  id: 'constraint-added',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['constraint-added'],
  summary: 'A CHECK, UNIQUE, FOREIGN KEY or EXCLUDE constraint now limits what version A writes.',
  why:
    'Version A was written without the constraint; any of its writes that break it now fail. NOT VALID does not ' +
    'help here: it only skips the check of existing rows, new writes are always checked.',
  safe:
    'Make every writer (version A included) respect the rule first, clean up existing rows, then add the constraint ' +
    'NOT VALID and VALIDATE it in a later transaction.',
  seeAlso: ['squawk: constraint-missing-not-valid, adding-foreign-key-constraint', 'Atlas: MF101', 'strong_migrations: add_check_constraint'],
  check(change, report) {
    const c = change.constraint
    if (c.type === 'primary-key' || c.type === 'not-null') return
    if (change.inCreateTable || change.tableOrigin !== 'existing') return
    // Only columns version A knows can carry A's writes; a constraint on new columns cannot break A.
    const known = c.columns.filter((name) => {
      const column = findColumn(change.table, name)
      return column === undefined ? change.table === undefined : column.origin === 'existing'
    })
    if (known.length === 0) return
    const how = change.notValid ? ' NOT VALID' : ''
    report({ message: `${names[c.type]} constraint \`${c.name}\` added${how} on \`${change.table?.key ?? change.lock.table}\` (${known.join(', ')})`, at: change.at, object: change.object })
  },
})
