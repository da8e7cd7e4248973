import { describeFormatChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-format-changed',
  area: 'api',
  on: ['format-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B expects a request string or number in a format that version A did not require.',
  why:
    'Clients of A send values in the format A declared, or in any format where A declared none: a ' +
    '`date` where B now wants a `date-time`, a free-form id where B now wants a `uuid`, an `int64` where ' +
    'B wants an `int32`. Mid-rollout B rejects those values with 400 or parses them wrongly.',
  safe:
    'Keep accepting the format of A and convert inside B (accept both forms for a while). Put a value with ' +
    'a new format under a new property or parameter name, deprecate the old one, and remove it once no client ' +
    'sends it.',
  seeAlso: ['oasdiff: request-property-type-changed', 'oasdiff: request-parameter-type-changed'],
  check(change, report) {
    if (change.effect === 'widened') return // request-format-widened
    report({ message: schemaMessage(change, describeFormatChange(change)), at: change.at })
  },
})
