import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-media-type-removed',
  area: 'api',
  on: ['media-type-removed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B no longer accepts a request body media type that version A accepts.',
  why:
    'Clients of A send bodies with that Content-Type (a form post, XML, a vendor JSON type). Mid-rollout B ' +
    'answers their calls with 415 Unsupported Media Type.',
  safe:
    'Keep accepting the media type, converting it to the new one inside B if needed, until clients stop ' +
    'sending it; mark the old media type deprecated in the description meanwhile.',
  seeAlso: ['oasdiff: request-body-media-type-removed'],
  check(change, report) {
    report({
      message: messageFor(change, `request body media type ${formatValue(change.media.mediaType)} removed`),
      at: change.at,
    })
  },
})
