import type { ChangeOf } from '../core/rule.js'
import { describeSite, formatValue } from './describe.js'

/**
 * The two places a round-trip message names: `site`, where A's request rejects the value
 * (`request body property \`status\``), and `read`, the operation of B that returns it
 * (`GET /pets/{petId} (B)`, as written in B). The change's `inner` compares B's response (`before`) with A's request
 * (`after`): `after` holds A's rule, `before` what B returns.
 *
 * @example
 * const { site, read } = roundtripSites(change)
 * messageFor(change, `${site} rejects value \`archived\` that ${read} may return`)
 */
export function roundtripSites(change: ChangeOf<'roundtrip-mismatch'>): { readonly site: string; readonly read: string } {
  return { site: describeSite(change.inner), read: `${change.readLabel} (B)` }
}

/** `\`40\`` or `no limit`, for a bound that may be absent. */
export function boundValue(value: number | undefined): string {
  return value === undefined ? 'no limit' : formatValue(value)
}
