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
    'another property, no longer maps a value, maps it to another schema, or starts requiring a ' +
    'discriminator where A matched by shape, values clients of A send are rejected with 400 or decoded as ' +
    'the wrong type mid-rollout.',
  safe:
    'Keep the discriminator property and every value A mapped, pointing at schemas that accept what A ' +
    'accepted. Add new values for new shapes, and retire old ones only once logs show clients stopped sending them.',
  seeAlso: [
    'oasdiff: request-body-discriminator-property-name-changed',
    'oasdiff: request-body-discriminator-mapping-deleted',
    'oasdiff: request-body-discriminator-mapping-changed',
    'oasdiff: request-body-discriminator-added',
    'oasdiff: request-property-discriminator-property-name-changed',
    'oasdiff: request-property-discriminator-mapping-deleted',
    'oasdiff: request-property-discriminator-mapping-changed',
  ],
  check(change, report) {
    const { before, after } = change
    const value = change.value === undefined ? '' : ` ${formatValue(change.value)}`
    // a mapping value added, or the discriminator dropped, leaves every value of A accepted
    switch (change.detail) {
      case 'added':
        return report({
          message: schemaMessage(change, `discriminator ${formatValue(after.discriminator?.propertyName)} added`),
          at: change.at,
        })
      case 'property': {
        const fact = `discriminator property changed from ${formatValue(before.discriminator?.propertyName)} to ${formatValue(after.discriminator?.propertyName)}`
        return report({ message: schemaMessage(change, fact), at: change.at })
      }
      case 'mapping-removed':
        return report({ message: schemaMessage(change, `discriminator value${value} removed`), at: change.at })
      case 'mapping-changed':
        return report({
          message: schemaMessage(change, `discriminator value${value} maps to another schema`),
          at: change.at,
        })
    }
  },
})
