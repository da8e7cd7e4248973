import { schemaMessage } from '../../src/api/describe-change.js'
import { describeEnumValue } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-enum-value-removed',
  area: 'api',
  on: ['enum-value-removed'],
  direction: 'response',
  severity: 'info',
  summary: 'Version B no longer returns an enum value that version A could return.',
  why: "Clients of A handle every value in A's enum; B sending fewer of them breaks nothing.",
  safe: 'Nothing to do for clients of A; remove the client code for the value once no deployment returns it.',
  seeAlso: ['oasdiff: response-property-enum-value-removed', 'oasdiff: response-mediatype-enum-value-removed'],
  check(change, report) {
    report({ message: schemaMessage(change, describeEnumValue(change)), at: change.at })
  },
})
