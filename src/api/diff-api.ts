import type { ApiChange } from './change.js'
import { diffOperation, labelOf } from './diff-operations.js'
import { diffRoundtrips } from './diff-roundtrips.js'
import { createSchemaDiffer } from './diff-schemas.js'
import type { ApiModel } from './model.js'
import { sortedKeys, type OperationContext } from './operation-context.js'
import { ShapeIndex } from './shape-index.js'

/**
 * Every change from version A to version B, in a stable order: operations sorted by key, each
 * walked in a fixed order (operation, security, parameters, request body, responses by status),
 * then the round-trip mismatches of mixed versions. Pure; schema pairs are compared once.
 *
 * @example
 * const changes = diffApi(await loadApi('v1.yaml'), await loadApi('v2.yaml'))
 * changes.filter((change) => change.kind === 'operation-removed')
 */
export function diffApi(a: ApiModel, b: ApiModel): ReadonlyArray<ApiChange> {
  const out: ApiChange[] = []
  const shapes = new ShapeIndex()
  const differs = {
    request: createSchemaDiffer({ before: 'request', after: 'request' }, shapes),
    response: createSchemaDiffer({ before: 'response', after: 'response' }, shapes),
  }
  for (const key of sortedKeys(a.operations, b.operations)) {
    const before = a.operations.get(key)
    const after = b.operations.get(key)
    if (before === undefined && after !== undefined) {
      out.push({ kind: 'operation-added', operation: key, label: labelOf(after), direction: 'none', at: after.ref, after })
    } else if (after === undefined && before !== undefined) {
      out.push({ kind: 'operation-removed', operation: key, label: labelOf(before), direction: 'none', at: before.ref, before })
    } else if (before !== undefined && after !== undefined) {
      const context: OperationContext = { operation: key, label: labelOf(after), before: a, after: b, differs, out }
      diffOperation(context, before, after)
    }
  }
  out.push(...diffRoundtrips(a, b, shapes))
  return out
}
