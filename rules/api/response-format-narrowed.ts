import { describeFormatChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-format-narrowed',
  area: 'api',
  on: ['format-changed'],
  direction: 'response',
  severity: 'info',
  summary: 'A response value gained a format (or a stricter one): version B sends values that A also sent.',
  why: 'Every value B sends also fits what clients of A expect, so nothing breaks.',
  safe: 'Nothing to do for clients of A.',
  seeAlso: ['oasdiff: response-property-type-specialized (format)'],
  check(change, report) {
    if (change.effect !== 'narrowed') return
    report({ message: schemaMessage(change, describeFormatChange(change)), at: change.at })
  },
})
