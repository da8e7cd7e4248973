import { schemaMessage } from '../../src/api/describe-change.js'
import { formatValue } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-discriminator-changed',
  area: 'api',
  on: ['discriminator-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B picks the branch of a request union differently than version A.',
  why:
    "Clients of A tag each value the way A's discriminator says: this property, these values. If B reads " +
    'another property, no longer maps a value, maps it to another schema, starts requiring a discriminator ' +
    'where A matched by shape, or drops it so that a value fitting several `oneOf` branches becomes ' +
    'ambiguous, values clients of A send are rejected with 400 or decoded as the wrong type mid-rollout.',
  safe:
    'Keep the discriminator property and every value A mapped, pointing at schemas that accept what A ' +
    'accepted. Add new values for new shapes, and retire old ones only once logs show clients stopped sending them.',
  seeAlso: [
    'oasdiff: request-body-discriminator-property-name-changed',
    'oasdiff: request-body-discriminator-mapping-deleted',
    'oasdiff: request-body-discriminator-mapping-changed',
    'oasdiff: request-body-discriminator-added',
    'oasdiff: request-body-discriminator-removed',
    'oasdiff: request-property-discriminator-property-name-changed',
    'oasdiff: request-property-discriminator-mapping-deleted',
    'oasdiff: request-property-discriminator-mapping-changed',
  ],
  check(change, report) {
    const from = formatValue(change.before.discriminator?.propertyName)
    const to = formatValue(change.after.discriminator?.propertyName)
    const value = formatValue(change.value)
    const facts: Record<typeof change.detail, string | undefined> = {
      added: `discriminator ${to} added`,
      removed: `discriminator ${from} removed`,
      property: `discriminator property changed from ${from} to ${to}`,
      'mapping-removed': `discriminator value ${value} removed`,
      'mapping-changed': `discriminator value ${value} maps to another schema`,
      'mapping-added': undefined, // B accepts one more tag; every value of A still fits
    }
    const fact = facts[change.detail]
    if (fact !== undefined) report({ message: schemaMessage(change, fact), at: change.at })
  },
})
