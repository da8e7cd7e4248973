import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'enum-value-dropped',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['enum-value-dropped'],
  summary: 'An enum value that version A may write or read disappears.',
  why: 'Version A still writes the value (the write fails) and may read rows that had it (after a re-created type, they hold something else).',
  safe: 'Stop writing the value in the application, migrate the rows that hold it, and only then re-create the type without it.',
  seeAlso: ['strong_migrations: rename_enum_value'],
  check(change, report) {
    if (!knownToA(change)) return
    const type = change.object.slice(0, change.object.lastIndexOf('.'))
    report({ message: `enum value \`${change.value}\` dropped from \`${type}\``, at: change.at, object: change.object })
  },
})
