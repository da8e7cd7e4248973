import type { ApiChange } from '../api/change.js'
import type { DbChange } from '../db/change.js'
import type { Area, Severity } from './finding.js'
import type { SourceRef } from './source-ref.js'

export type AnyChange = ApiChange | DbChange
export type ChangeKind = AnyChange['kind']

/** The changes an area's pipeline produces (kinds may share a name across areas: `enum-value-added`). */
export type ChangeIn<A extends Area> = A extends 'api' ? ApiChange : DbChange

/**
 * The change(s) of kind K in area A. Distributes over the union, so a member declared with several
 * kinds (`'enum-value-added' | 'enum-value-removed'`) is found by either one and narrowed to it.
 */
export type ChangeOf<K extends ChangeKind, A extends Area = Area> = NarrowKind<ChangeIn<A>, K>

type NarrowKind<C, K> = C extends { readonly kind: infer CK }
  ? [Extract<CK, K>] extends [never]
    ? never
    : C & { readonly kind: Extract<CK, K> }
  : never

/** What a rule hands to `report`: the rest (`rule`, `severity`, `area`, `fix`) comes from its metadata. */
export interface Report {
  readonly message: string
  readonly at: SourceRef
  /** Defaults to the change's operation. */
  readonly operation?: string
  /** `public.users.email` for database findings. */
  readonly object?: string
}

/** Options every rule may read; rules never read the clock, env or disk themselves. */
export interface RuleContext {
  /** ISO date `YYYY-MM-DD`, for sunset checks. */
  readonly today: string
}

export interface RuleMeta {
  /** Stable kebab-case id, equal to the file name. */
  readonly id: string
  readonly area: Area
  /** `request`/`response` for API rules on data flow; `none` for operation- and database-level rules. */
  readonly direction: 'request' | 'response' | 'none'
  readonly severity: Severity
  /** One sentence, under 100 characters. */
  readonly summary: string
  /** Why it breaks version A or its clients. */
  readonly why: string
  /** The safe way to make the change. */
  readonly safe: string
  readonly seeAlso?: ReadonlyArray<string>
  /** Former ids of this rule, still accepted in config and ignores. */
  readonly aliases?: ReadonlyArray<string>
  /**
   * For request/response rules without a mirror rule in the other direction: why none is needed.
   * The catalogue test fails when a mirror is missing and no waiver is given.
   */
  readonly symmetryWaiver?: string
  /** Off unless the config names the rule (`rules: { <id>: warning }`): a house style, not a hazard. */
  readonly optIn?: boolean
}

export interface Rule<K extends ChangeKind = ChangeKind, A extends Area = Area> extends RuleMeta {
  readonly area: A
  readonly on: ReadonlyArray<K>
  check(change: ChangeOf<K, A>, report: (finding: Report) => void, context: RuleContext): void
}

/**
 * Declares a rule. `on` narrows the type of `change` in `check`.
 *
 * @example
 * export const rule = defineRule({
 *   id: 'response-property-removed', area: 'api', direction: 'response', severity: 'error',
 *   on: ['property-removed'], summary: '…', why: '…', safe: '…',
 *   check(change, report) { report({ message: '…', at: change.at }) },
 * })
 */
export function defineRule<K extends ChangeKind, A extends Area>(rule: Rule<K, A>): Rule<K, A> {
  return Object.freeze(rule)
}
