import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-min-length-increased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B requires longer request strings than version A.',
  why:
    'Clients of A send strings as short as A allowed, including empty ones where A had no minLength. Mid-rollout B ' +
    'rejects them with 400.',
  safe:
    'Keep accepting short values and handle them in B (treat an empty string as absent, pad or reject later in the ' +
    'workflow with a clear error), or require the longer form only in a new API version.',
  seeAlso: [
    'oasdiff: request-parameter-min-length-increased',
    'oasdiff: request-body-min-length-increased',
    'oasdiff: request-property-min-length-increased',
  ],
  check(change, report) {
    if (change.keyword !== 'minLength' || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
