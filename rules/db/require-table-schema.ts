import { defineRule } from '../../src/core/rule.js'
import { unqualifiedRelations } from '../../src/db/statement-names.js'

export const rule = defineRule({
  id: 'require-table-schema',
  area: 'db',
  direction: 'none',
  severity: 'info',
  optIn: true,
  on: ['statement'],
  summary: 'A DDL statement names a table without its schema (opt-in style: `public.users`, not `users`).',
  why:
    'An unqualified name resolves through search_path, which the migration runner, a pooler or a role setting ' +
    'may change: the same file can then create or alter a table in another schema than intended.',
  safe: 'Write schema-qualified names in migrations (`public.users`), or SET search_path explicitly at the top of the file.',
  seeAlso: ['squawk: require-table-schema'],
  check(change, report) {
    for (const name of unqualifiedRelations(change.statement.node)) {
      report({ message: `table \`${name}\` named without a schema`, at: change.at, object: name })
    }
  },
})
