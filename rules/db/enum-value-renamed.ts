import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'enum-value-renamed',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['enum-value-renamed'],
  summary: 'An enum value that version A writes or compares against is renamed.',
  why: 'Version A still writes the old label (rejected after the rename) and no longer recognises the rows that hold the new one.',
  safe: 'Add the new value, make both versions accept both labels, backfill the rows, then stop using the old label.',
  seeAlso: ['strong_migrations: rename_enum_value'],
  check(change, report) {
    if (!knownToA(change)) return
    const type = change.object.slice(0, change.object.lastIndexOf('.'))
    report({ message: `enum value \`${change.from}\` of \`${type}\` renamed to \`${change.to}\``, at: change.at, object: change.object })
  },
})
