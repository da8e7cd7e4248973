import type { RelativeChange } from '../../api/relative-change.js'

/**
 * The relative schema change(s) of kind K, narrowed; distributes over members declared with
 * several kinds (`'enum-value-added' | 'enum-value-removed'`), as `ChangeOf` does for changes.
 */
export type RelativeOf<K extends RelativeChange['kind']> = Narrow<RelativeChange, K>

type Narrow<C, K> = C extends { readonly kind: infer CK }
  ? [Extract<CK, K>] extends [never]
    ? never
    : C & { readonly kind: Extract<CK, K> }
  : never
