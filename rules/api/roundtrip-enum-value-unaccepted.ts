import { roundtripSites } from '../../src/api/describe-roundtrip.js'
import { formatValue, messageFor } from '../../src/api/describe.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'roundtrip-enum-value-unaccepted',
  area: 'api',
  on: ['roundtrip-mismatch'],
  direction: 'none',
  severity: 'warning',
  summary: "A client may read an enum value from version B that version A's request rejects when sent back.",
  why:
    "Clients read a resource, change a field and send the whole object back (GET, then PUT or PATCH). Mid-rollout the read may reach B and the write A. If B returns a value that A's request schema does not allow, A rejects the write with a 400 although the client did nothing wrong.",
  safe:
    "Make the change in two deploys: first a version whose requests accept the new value but whose responses do not return it yet; once every instance runs that, deploy B. Or let B return the value only after the rollout is complete (a feature flag switched on afterwards).",
  check(change, report) {
    const { inner } = change
    const { site, read } = roundtripSites(change)
    if (inner.kind === 'enum-value-removed') {
      const fact = `${site} rejects value ${formatValue(inner.value)} that ${read} may return`
      report({ message: messageFor(change, fact), at: change.at })
    } else if (inner.kind === 'enum-added') {
      const fact = `${site} accepts only its enum values, and ${read} may return others`
      report({ message: messageFor(change, fact), at: change.at })
    }
  },
})
