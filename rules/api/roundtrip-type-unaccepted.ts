import type { SchemaChange } from '../../src/api/change.js'
import { roundtripSites } from '../../src/api/describe-roundtrip.js'
import { describeBranch } from '../../src/api/describe-value-change.js'
import { formatTypes, formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

/** What A's request rejects of B's value; `inner` runs from B's response to A's request. */
function factOf(inner: SchemaChange, site: string, read: string): string | undefined {
  switch (inner.kind) {
    case 'type-changed':
      return `${site} accepts \`${formatTypes(inner.afterTypes)}\`, and ${read} may return \`${formatTypes(inner.beforeTypes)}\``
    case 'nullable-changed':
      return `${site} rejects \`null\`, which ${read} may return`
    case 'format-changed': {
      const returned = inner.before.format === undefined ? 'any format' : `format ${formatValue(inner.before.format)}`
      return `${site} requires format ${formatValue(inner.after.format)}, and ${read} may return ${returned}`
    }
    case 'union-branch-removed':
      return `${site} does not accept the ${describeBranch(inner)} that ${read} may return`
    default:
      return undefined
  }
}

export const rule = defineRule({
  id: 'roundtrip-type-unaccepted',
  area: 'api',
  on: ['roundtrip-mismatch'],
  direction: 'none',
  severity: 'warning',
  summary: "A client may read a value from version B whose type, null or format version A's request rejects.",
  why:
    "Clients read a resource and send it back (GET, then PUT or PATCH). Mid-rollout the read may reach B and the write A. If B returns a value of another type, a `null`, a value in another format, or a union branch A's request does not accept, A rejects the write with a 400.",
  safe:
    "Make the change in two deploys: first a version whose requests accept the new values but whose responses do not return them yet; once every instance runs that, deploy B. Or let B return them only after the rollout is complete (a feature flag switched on afterwards).",
  check(change, report) {
    const { site, read } = roundtripSites(change)
    const fact = factOf(change.inner, site, read)
    if (fact === undefined) return
    // a branch B returns is best shown where B declares it
    const at = change.inner.kind === 'union-branch-removed' ? change.inner.at : change.at
    report({ message: messageFor(change, fact), at })
  },
})
