import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-min-increased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B requires a larger minimum for a request number than version A.',
  why:
    "Clients of A send numbers down to A's minimum (0 for an offset, 1 for a quantity). Mid-rollout B rejects every " +
    'value below its new minimum (or at it, for exclusiveMinimum) with 400. A minimum that appears where A had none ' +
    'does the same to small and negative values.',
  safe:
    'Keep accepting the range of A, mapping small values to the new minimum inside B if needed, or enforce the higher ' +
    'minimum only in a new API version; tighten the contract only once logs show no client sends smaller values.',
  seeAlso: [
    'oasdiff: request-parameter-min-increased',
    'oasdiff: request-parameter-exclusive-min-increased',
    'oasdiff: request-parameter-min-set',
    'oasdiff: request-body-min-increased',
    'oasdiff: request-property-min-increased',
    'oasdiff: request-property-exclusive-min-increased',
    'oasdiff: request-property-min-set',
  ],
  check(change, report) {
    if ((change.keyword !== 'minimum' && change.keyword !== 'exclusiveMinimum') || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
