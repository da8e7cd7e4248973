import { describePropertySite } from '../../src/api/describe-change.js'
import { messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'request-property-removed-from-closed-object',
  area: 'api',
  on: ['property-removed'],
  direction: 'request',
  severity: 'error',
  summary: "A request property that version A accepts is no longer declared in B's closed object.",
  why:
    'Clients of A keep sending the property (always, when A required it). B declares the object closed ' +
    '(`additionalProperties: false`), so a property it does not declare makes the whole call invalid: ' +
    'mid-rollout every such call that reaches B fails with 400. Where B leaves the object open, the value ' +
    'is only ignored, and request-property-removed reports it instead.',
  safe:
    'Keep declaring the property in B (deprecated, ignored or mapped onto its replacement) until no client ' +
    'sends it; or leave the object open for a release, so that B ignores the property instead of rejecting the call.',
  symmetryWaiver:
    "In a response, whether B's object is closed does not matter to clients of A: a property B stops returning " +
    'is missing to them either way (response-property-removed, response-optional-property-removed).',
  seeAlso: ['oasdiff: request-property-removed'],
  check(change, report) {
    if (change.after.additionalProperties !== false) return // request-property-removed
    const fact = `${describePropertySite(change)} removed from an object closed by \`additionalProperties: false\``
    report({ message: messageFor(change, fact), at: change.at })
  },
})
