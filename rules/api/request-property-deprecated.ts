import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-property-deprecated',
  area: 'api',
  on: ['deprecated-changed'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B marks a request property (or value) deprecated.',
  why:
    'Nothing breaks yet: B still accepts it. Deprecation announces that it will go; clients that are not ' +
    'told what replaces it and by when keep sending it.',
  safe:
    'Say in the description what replaces the property and when it will be removed, keep honouring it ' +
    'until then, and remove it only once logs show clients stopped sending it.',
  seeAlso: ['oasdiff: request-property-deprecated', 'oasdiff: request-property-deprecated-sunset-missing'],
  check(change, report) {
    if (!change.value) return
    report({ message: schemaMessage(change, 'deprecated'), at: change.at })
  },
})
