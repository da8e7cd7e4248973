import type { Direction, SchemaChange } from './change.js'
import type { Schema } from './model.js'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/**
 * A schema change as the comparison of one schema pair finds it: `path` is relative to that pair,
 * and the use site (operation, subject, status, direction) is added when it is re-based.
 */
export type RelativeChange = DistributiveOmit<SchemaChange, 'operation' | 'label' | 'direction' | 'subject' | 'status'>

/**
 * Which view of the data each side is read in. A request view skips `readOnly` properties (clients
 * never send them), a response view skips `writeOnly` ones (never returned). A normal diff reads
 * both sides in one direction; a round trip reads A's response against B's request.
 */
export interface SchemaViews {
  readonly before: Direction
  readonly after: Direction
}

/** What the comparison of one schema pair hands back: changes of its own, and sub-pairs to compare. */
export interface PairSink {
  readonly views: SchemaViews
  readonly sameShape: (a: Schema, b: Schema) => boolean
  /** A change at this pair (its path relative to the pair, usually empty). */
  change(change: RelativeChange): void
  /** A sub-schema pair reached by one path segment: `name`, `[]`, `{}`, `[0]`, `oneOf[1]`. */
  edge(segment: string, before: Schema, after: Schema): void
}

/** Whether a property is out of sight in a view: read-only in requests, write-only in responses. */
export function isHidden(property: Schema, view: Direction): boolean {
  return view === 'request' ? property.readOnly : property.writeOnly
}
