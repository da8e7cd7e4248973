import { defineRule } from '../../src/core/rule.js'
import { knownToA } from '../../src/db/rule-helpers.js'

export const rule = defineRule({
  id: 'type-renamed',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['type-renamed'],
  summary: 'A type that version A names in its queries is renamed.',
  why: "Version A's casts (`'x'::mood`) and functions name the old type and fail after the rename.",
  safe: 'Create the new type beside the old one, move columns over with dual writes, and drop the old type once no version names it.',
  seeAlso: ['strong_migrations: rename_schema'],
  check(change, report) {
    if (!knownToA(change)) return
    // Enum re-creation (RENAME TO x_old, CREATE TYPE x, …) keeps the name A uses; lost values are enum-value-dropped.
    if (change.recreated) return
    report({ message: `type \`${change.from}\` renamed to \`${change.to}\``, at: change.at, object: change.object })
  },
})
