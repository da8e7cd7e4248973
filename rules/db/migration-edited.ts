import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'migration-edited',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['migration-edited'],
  summary: 'A migration that already exists at the base revision was edited.',
  why:
    'Databases that ran the migration keep its old version: the edit never reaches them, while fresh ' +
    'databases get the new one, so environments drift apart. Runners that checksum applied files ' +
    '(Flyway, Prisma, golang-migrate tooling) refuse to go on, and the deploy stops half-way.',
  safe: 'Leave applied migrations as they are and put the change in a new migration.',
  seeAlso: ['Flyway: validate (checksum mismatch)', 'Prisma: migrate diff, "migration was modified after it was applied"'],
  check(change, report) {
    report({
      message: `migration \`${change.object}\` was edited since ${change.revision}: line ${change.line} differs`,
      at: change.at,
      object: change.object,
    })
  },
})
