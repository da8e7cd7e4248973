import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-max-items-decreased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B accepts fewer items in a request array than version A.',
  why:
    "Clients of A send arrays up to A's maxItems (a batch of ids, a list of tags). Mid-rollout B rejects bigger " +
    'arrays with 400.',
  safe:
    "Keep accepting A's batch size and split large batches inside B if it needs to, or lower the limit only in a new " +
    'API version; tighten the contract only once logs show no client sends more.',
  seeAlso: [
    'oasdiff: request-parameter-max-items-decreased',
  ],
  check(change, report) {
    if (change.keyword !== 'maxItems' || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
