import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-max-decreased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B accepts a smaller maximum for a request number than version A.',
  why:
    "Clients of A send numbers up to A's maximum (a page size of 100, an amount, a percentage). Mid-rollout B rejects " +
    'every value above its new maximum (or at it, for exclusiveMaximum) with 400. A maximum that appears where A had ' +
    'none does the same to large values.',
  safe:
    'Keep accepting the range of A. If B cannot handle large values, clamp them and document that, or enforce the ' +
    'lower limit only in a new API version; tighten the contract only once logs show no client sends values above the ' +
    'new limit.',
  seeAlso: [
    'oasdiff: request-parameter-max-decreased',
    'oasdiff: request-parameter-exclusive-max-decreased',
    'oasdiff: request-parameter-max-set',
    'oasdiff: request-body-max-decreased',
    'oasdiff: request-property-max-decreased',
    'oasdiff: request-property-exclusive-max-decreased',
    'oasdiff: request-property-max-set',
  ],
  check(change, report) {
    if ((change.keyword !== 'maximum' && change.keyword !== 'exclusiveMaximum') || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
