import { describeFormatChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-format-changed',
  area: 'api',
  on: ['format-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response value may come in a format that version A never used (or with no format at all).',
  why:
    'Clients of A parse the value by its format: a `date-time` into a timestamp, a `uuid` into a UUID type, an `int32` into a 32-bit integer. When a call reaches B and the value is in another format (a plain date, an id that is no UUID, a number beyond 32 bits), that parse fails.',
  safe:
    'Keep the format of the existing field. Send the value in the new format in a new property, move clients to it, then deprecate the old one.',
  seeAlso: ['oasdiff: response-property-type-changed (format)', 'oasdiff: response-body-type-changed (format)'],
  check(change, report) {
    if (change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeFormatChange(change)), at: change.at })
  },
})
