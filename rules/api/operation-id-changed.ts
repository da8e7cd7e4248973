import { formatValue, messageFor } from '../../src/api/describe.js'
import { operationFieldRef } from '../../src/api/operation-field-ref.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'operation-id-changed',
  area: 'api',
  on: ['operation-id-changed'],
  direction: 'none',
  severity: 'info',
  summary: 'The operationId of an operation differs between version A and version B.',
  why:
    'Nothing changes on the wire, so running clients keep working. Client SDKs generated from the spec name ' +
    'their methods after the operationId, so the next regeneration renames or drops a method and breaks the ' +
    'code that calls it; links and docs that cite the operationId break too.',
  safe:
    'Keep operationIds stable. If a rename is worth it, announce it with the SDK release, or keep the old ' +
    'name available in the SDK (a deprecated alias method).',
  seeAlso: ['oasdiff: api-operation-id-removed', 'oasdiff: api-operation-id-added'],
  check(change, report) {
    const [from, to] = [change.before.operationId, change.after.operationId]
    const fact =
      from === undefined
        ? `operationId ${formatValue(to)} added`
        : to === undefined
          ? `operationId ${formatValue(from)} removed`
          : `operationId changed from ${formatValue(from)} to ${formatValue(to)}`
    const at = to === undefined ? change.at : operationFieldRef(change.after, 'operationId')
    report({ message: messageFor(change, fact), at })
  },
})
