import type { ApiChange } from './change.js'
import type { ApiModel } from './model.js'

/** Pure: every change from A to B, in a stable order (placeholder). */
export function diffApi(_a: ApiModel, _b: ApiModel): ReadonlyArray<ApiChange> {
  throw new Error('diffApi not implemented yet')
}
