import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-media-type-added',
  area: 'api',
  on: ['media-type-added'],
  direction: 'request',
  severity: 'info',
  summary: 'Version B accepts a request body media type that version A does not.',
  why:
    'Clients of A keep sending the media types A accepts, which B still accepts. Mid-rollout, a client that ' +
    'switches to the new media type gets 415 from A.',
  safe: 'Let clients send the new media type only once every instance runs B.',
  seeAlso: ['oasdiff: request-body-media-type-added'],
  check(change, report) {
    report({
      message: messageFor(change, `request body media type ${formatValue(change.media.mediaType)} added`),
      at: change.at,
    })
  },
})
