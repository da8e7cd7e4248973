import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-max-properties-decreased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B accepts fewer properties in a request object than version A.',
  why:
    "Clients of A send objects (labels, metadata maps, attribute bags) with up to A's maxProperties entries. " +
    'Mid-rollout B rejects bigger ones with 400.',
  safe:
    "Keep accepting A's number of entries, or lower the limit only in a new API version; tighten the contract only " +
    'once logs show no client sends more.',
  check(change, report) {
    if (change.keyword !== 'maxProperties' || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
