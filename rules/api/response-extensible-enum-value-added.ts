import { schemaMessage } from '../../src/api/describe-change.js'
import { describeEnumValue } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-extensible-enum-value-added',
  area: 'api',
  on: ['enum-value-added'],
  direction: 'response',
  severity: 'info',
  summary: 'Version B lists a new value in a response `x-extensible-enum`, a set clients must expect to grow.',
  why:
    '`x-extensible-enum` tells clients that the list is open: they must accept values it does not name (a fallback case, no closed enum type). Clients of A that follow it read the new value as an unknown one, so nothing breaks; listed so the change is seen in review. Clients that ignored the contract and decoded the list as a closed enum fail on it.',
  safe: "Nothing to do for clients that follow the contract; make sure A's generated clients do not turn the list into a closed enum.",
  seeAlso: ['oasdiff: response-property-enum-value-added'],
  symmetryWaiver:
    'In a request an extensible enum lists the values the service handles: a new one is reported by request-enum-value-added like any other, so there is no separate request rule.',
  check(change, report) {
    if (!change.extensible) return // a closed enum: response-enum-value-added reports it
    report({ message: schemaMessage(change, describeEnumValue(change)), at: change.at })
  },
})
