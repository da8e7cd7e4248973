import type { SchemaChange } from '../../src/api/change.js'
import { boundValue, roundtripSites } from '../../src/api/describe-roundtrip.js'
import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

/** What A's request rejects of B's value; `inner` runs from B's response to A's request. */
function factOf(inner: SchemaChange, site: string, read: string): string | undefined {
  switch (inner.kind) {
    case 'bound-changed': {
      const { keyword } = inner
      return `${site} rejects values outside ${keyword} ${boundValue(inner.to)} that ${read} may return (${keyword} ${boundValue(inner.from)})`
    }
    case 'pattern-changed':
      return `${site} rejects values off pattern ${formatValue(inner.after.pattern)} that ${read} may return`
    case 'unique-items-changed':
      return `${site} rejects duplicate items that ${read} may return`
    case 'additional-properties-changed':
      return `${site} rejects additional properties that ${read} may return`
    default:
      return undefined
  }
}

export const rule = defineRule({
  id: 'roundtrip-constraint-unaccepted',
  area: 'api',
  on: ['roundtrip-mismatch'],
  direction: 'none',
  severity: 'warning',
  summary: "A client may read a value from version B that breaks a constraint of version A's request.",
  why:
    "Clients read a resource and send it back (GET, then PUT or PATCH). Mid-rollout the read may reach B and the write A. If B returns a longer string, a bigger number, more items, a string off A's pattern, duplicate items or extra properties that A's request rules out, A rejects the write with a 400.",
  safe:
    "Make the change in two deploys: first a version whose requests accept the looser values but whose responses stay within the old constraint; once every instance runs that, deploy B. Or let B return such values only after the rollout is complete.",
  check(change, report) {
    const { site, read } = roundtripSites(change)
    const fact = factOf(change.inner, site, read)
    if (fact !== undefined) report({ message: messageFor(change, fact), at: change.at })
  },
})
