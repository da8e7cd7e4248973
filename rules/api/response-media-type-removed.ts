import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-media-type-removed',
  area: 'api',
  on: ['media-type-removed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response media type of version A is no longer offered by version B.',
  why:
    'Clients of A ask for this media type (`Accept`) and parse it. B cannot answer them in it: they get 406 Not Acceptable or a body in a format they cannot parse.',
  safe: 'Keep serving the old media type next to the new one until no client asks for it.',
  seeAlso: ['oasdiff: response-media-type-removed', 'oasdiff: response-media-type-name-generalized'],
  check(change, report) {
    report({
      message: messageFor(change, `response ${change.status} media type ${formatValue(change.media.mediaType)} removed`),
      at: change.at,
    })
  },
})
