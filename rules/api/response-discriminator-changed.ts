import { schemaMessage } from '../../src/api/describe-change.js'
import { formatValue } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-discriminator-changed',
  area: 'api',
  on: ['discriminator-changed'],
  direction: 'response',
  severity: 'error',
  summary: "The discriminator of a response union changed: A's clients would pick the wrong shape or none.",
  why:
    "Clients of A choose how to decode a union member by the discriminator: the property it names and the value-to-schema mapping. If B names another property, maps a value to another schema, or sends a value A's mapping lacks, those clients decode the payload as the wrong type or fail.",
  safe:
    'Keep the discriminator property and existing mapping values as they are; add new values only once clients of A tolerate unknown ones.',
  seeAlso: [
    'oasdiff: response-body-discriminator-property-name-changed',
    'oasdiff: response-body-discriminator-mapping-changed',
    'oasdiff: response-body-discriminator-mapping-added',
  ],
  check(change, report) {
    // a discriminator added or removed, or a mapping value dropped, changes nothing on the wire for clients of A
    const value = change.value === undefined ? '' : ` ${formatValue(change.value)}`
    switch (change.detail) {
      case 'property': {
        const from = formatValue(change.before.discriminator?.propertyName)
        const fact = `discriminator property changed from ${from} to ${formatValue(change.after.discriminator?.propertyName)}`
        return report({ message: schemaMessage(change, fact), at: change.at })
      }
      case 'mapping-added':
        return report({ message: schemaMessage(change, `discriminator value${value} added`), at: change.at })
      case 'mapping-changed':
        return report({
          message: schemaMessage(change, `discriminator value${value} maps to another schema`),
          at: change.at,
        })
    }
  },
})
