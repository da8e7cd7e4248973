import { defineRule } from '../../src/core/rule.js'
import { existingObjectsIn, schemaKnownToA } from '../../src/db/schema-usage.js'

export const rule = defineRule({
  id: 'schema-dropped',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['schema-dropped'],
  summary: 'A schema that version A uses is dropped.',
  why: 'Version A keeps querying the tables, views and functions in the schema; they are gone, and so is their data.',
  safe: 'Stop using every object in the schema and deploy that first; drop the schema in a later release.',
  seeAlso: ['Atlas: DS101'],
  check(change, report) {
    if (!schemaKnownToA(change.schema, change.object)) return // created by these migrations: A never used it
    const n = existingObjectsIn(change.schema, change.object)
    const holding = n === 0 ? '' : ` with ${n} object${n === 1 ? '' : 's'} version A knows`
    const cascade = change.cascade ? ' (CASCADE)' : ''
    report({ message: `schema \`${change.object}\` dropped${holding}${cascade}`, at: change.at, object: change.object })
  },
})
