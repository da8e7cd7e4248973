import { schemaMessage } from '../../src/api/describe-change.js'
import { describeEnumValue } from '../../src/api/describe-value-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-enum-value-added',
  area: 'api',
  on: ['enum-value-added'],
  direction: 'response',
  severity: 'error',
  summary: 'Version B may return an enum value that version A never returned.',
  why:
    'Clients of A treat the enum as closed: generated enums fail to deserialize an unknown value, and `switch` statements fall into their error branch. The first time B sends the new value to a client of A, that client fails. (A value added to an `x-extensible-enum`, a list clients must treat as open, is reported by response-extensible-enum-value-added, as info.)',
  safe:
    'First ship clients that tolerate unknown values (a fallback case), or send the new value only to clients that opt in (a new field, media type or API version). For enums that will keep growing, tell clients up front to expect unknown values: declare the list as `x-extensible-enum`.',
  seeAlso: [
    'oasdiff: response-property-enum-value-added',
    'oasdiff: response-body-const-changed',
    'oasdiff: response-property-const-changed',
  ],
  check(change, report) {
    if (change.extensible) return // an open set: response-extensible-enum-value-added reports it
    report({ message: schemaMessage(change, describeEnumValue(change)), at: change.at })
  },
})
