import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'migration-deleted',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['migration-deleted'],
  summary: 'A migration that exists at the base revision was deleted.',
  why:
    'Databases that ran the migration keep what it did, but a database built from the folder now lacks ' +
    "it; runners that compare their table with the folder (Flyway, Prisma) stop on the missing file.",
  safe: 'Keep applied migrations; undo what one did with a new migration (squash only where every database is rebuilt).',
  seeAlso: ['Flyway: validate (missing migration)', 'Prisma: migrate status, "migrations not found locally"'],
  check(change, report) {
    report({ message: `migration \`${change.object}\` was deleted since ${change.revision}`, at: change.at, object: change.object })
  },
})
