import { defineRule } from '../../src/core/rule.js'
import { schemaKnownToA } from '../../src/db/schema-usage.js'

export const rule = defineRule({
  id: 'schema-renamed',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['schema-renamed'],
  summary: 'A schema that version A uses is renamed.',
  why: 'Every qualified name version A uses under the old schema name (and its search_path) stops resolving at once.',
  safe:
    'Create the new schema and move objects one at a time behind views or synonyms in the old one, or keep the ' +
    'old name until no running version refers to it.',
  seeAlso: ['strong_migrations: rename_schema'],
  check(change, report) {
    if (!schemaKnownToA(change.schema, change.from)) return
    report({ message: `schema \`${change.from}\` renamed to \`${change.to}\``, at: change.at, object: change.object })
  },
})
