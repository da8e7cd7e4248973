import type { SchemaChange } from '../../src/api/change.js'
import { roundtripSites } from '../../src/api/describe-roundtrip.js'
import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

/** What A's request rejects of B's object; `inner` runs from B's response to A's request. */
function factOf(inner: SchemaChange, site: string, read: string): string | undefined {
  switch (inner.kind) {
    case 'property-added':
      return `${site} requires property ${formatValue(inner.name)}, which ${read} does not return`
    case 'property-required-changed':
      return `${site} requires property ${formatValue(inner.name)}, which ${read} may leave out`
    case 'property-removed':
      return `${site} rejects property ${formatValue(inner.name)}, which ${read} returns`
    default:
      return undefined
  }
}

export const rule = defineRule({
  id: 'roundtrip-property-unaccepted',
  area: 'api',
  on: ['roundtrip-mismatch'],
  direction: 'none',
  severity: 'warning',
  summary: "A client may read an object from version B whose properties version A's request does not accept.",
  why:
    "Clients read a resource and send it back (GET, then PUT or PATCH). Mid-rollout the read may reach B and the write A. If B's response may leave out a property that A's request requires, or carries one that A's closed request schema does not allow, A rejects the write with a 400.",
  safe:
    "Make the change in two deploys: first a version whose requests no longer require the property (or accept the new one) while its responses stay as they were; once every instance runs that, deploy B.",
  check(change, report) {
    const { site, read } = roundtripSites(change)
    const fact = factOf(change.inner, site, read)
    if (fact === undefined) return
    // a property B returns is best shown where B declares it
    const at = change.inner.kind === 'property-removed' ? change.inner.at : change.at
    report({ message: messageFor(change, fact), at })
  },
})
