import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-media-type-added',
  area: 'api',
  on: ['media-type-added'],
  direction: 'response',
  severity: 'info',
  summary: 'Version B offers an additional response media type.',
  why: 'Clients of A keep asking for the media types they know, which B still serves, so nothing breaks.',
  safe: 'Nothing to do for clients of A.',
  seeAlso: ['oasdiff: response-media-type-added'],
  check(change, report) {
    report({
      message: messageFor(change, `response ${change.status} media type ${formatValue(change.media.mediaType)} added`),
      at: change.at,
    })
  },
})
