import { defineRule } from '../../src/core/rule.js'

/** Objects present on one side only; any other difference is a property of an object both have. */
const presence = /^(table|column|index|constraint|type|enum-value|view)-(added|created|dropped)$/

/** `column-added` → `column`, `enum-value-dropped` → `enum value`. */
function noun(difference: string): string {
  return difference.startsWith('enum-value') ? 'enum value' : (difference.split('-')[0] ?? difference)
}

export const rule = defineRule({
  id: 'schema-drifted',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['schema-drifted'],
  summary: 'The live database differs from the schema its applied migrations build.',
  why:
    'Someone changed the database by hand (a hotfix index, a dropped column) or a migration ran only ' +
    'partly. The pending migrations were written and reviewed against the schema the migrations build, ' +
    'not this one: they can fail half-way through the deploy, or lock and rewrite what nobody expected.',
  safe:
    'Capture the hand-made change in a migration (or undo it) so that the migrations and the live ' +
    'database agree again, then deploy.',
  seeAlso: ['Atlas: schema drift', 'Prisma: migrate diff --from-migrations --to-url'],
  check(change, report) {
    const { difference, object, detail } = change
    const what = `${noun(difference)} \`${object}\``
    const present = presence.exec(difference)?.[2]
    const message =
      present === 'added' || present === 'created'
        ? `${what} exists in the live database, not in the applied migrations`
        : present === 'dropped'
          ? `${what} is missing from the live database, though the applied migrations create it`
          : `${what} differs in the live database: ${detail ?? difference}`
    report({ message, at: change.at, object })
  },
})
