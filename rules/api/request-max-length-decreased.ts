import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-max-length-decreased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B accepts shorter request strings than version A.',
  why:
    "Clients of A send strings up to A's maxLength (names, notes, identifiers from other systems). Mid-rollout B " +
    'rejects longer ones with 400, often only for the few users with long values, so the failure shows up late and ' +
    'looks random.',
  safe:
    'Keep the length of A. If the new limit comes from storage, widen the storage (expand) instead of narrowing the ' +
    'API; otherwise truncate deliberately and document it. Tighten the contract only once logs show no longer values ' +
    'arrive.',
  seeAlso: [
    'oasdiff: request-parameter-max-length-decreased',
    'oasdiff: request-parameter-max-length-set',
    'oasdiff: request-body-max-length-decreased',
    'oasdiff: request-property-max-length-decreased',
    'oasdiff: request-property-max-length-set',
  ],
  check(change, report) {
    if (change.keyword !== 'maxLength' || change.effect === 'widened') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
