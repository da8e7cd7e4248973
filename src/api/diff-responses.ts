import { diffContent } from './diff-bodies.js'
import type { Operation, Response } from './model.js'
import { addSchemaChanges, sortedKeys, type OperationContext } from './operation-context.js'
import { codesInRange, coveringStatus, isStatusRange, otherStatuses } from './status-cover.js'

function diffHeaders(context: OperationContext, status: string, before: Response, after: Response): void {
  const { operation, label, out } = context
  for (const name of sortedKeys(before.headers, after.headers)) {
    const a = before.headers.get(name)
    const b = after.headers.get(name)
    const base = { operation, label, direction: 'response', status } as const
    if (a === undefined && b !== undefined) {
      out.push({ ...base, kind: 'header-added', at: b.ref, header: b })
    } else if (b === undefined && a !== undefined) {
      out.push({ ...base, kind: 'header-removed', at: a.ref, header: a })
    } else if (a !== undefined && b !== undefined) {
      if (a.required !== b.required) out.push({ ...base, kind: 'header-required-changed', at: b.ref, before: a, after: b })
      addSchemaChanges(
        context,
        { direction: 'response', subject: { kind: 'header', name }, status },
        { before: a.schema, after: b.schema, beforeRef: a.ref, afterRef: b.ref },
      )
    }
  }
}

/** One response of A read as one of B's: media types, schemas and headers, under B's status. */
function diffResponse(context: OperationContext, status: string, a: Response, b: Response): void {
  diffContent(context, 'response', status, a.content, b.content)
  diffHeaders(context, status, a, b)
}

/**
 * Compares responses per status as written (`200`, `2XX`, `default`): added and removed statuses,
 * then for each shared status its media types and schemas, and its headers, as response data.
 * A status one side lacks but holds through a range or `default` (`200` replaced by `2XX`) is
 * still reported as added or removed, with `coveredBy` naming what stands for it, and its response
 * is compared with that one; a range replaced by codes of its class is covered by those codes.
 */
export function diffResponses(context: OperationContext, before: Operation, after: Operation): void {
  const { operation, label, out } = context
  for (const status of sortedKeys(before.responses, after.responses)) {
    const a = before.responses.get(status)
    const b = after.responses.get(status)
    const base = { operation, label, direction: 'response', status } as const
    if (a === undefined && b !== undefined) {
      const cover = coveringStatus(status, before)
      const coveredBy = cover === undefined ? [] : [cover]
      out.push({ ...base, kind: 'response-added', at: b.ref, otherStatuses: otherStatuses(after, status), coveredBy })
      if (cover !== undefined) diffResponse(context, status, before.responses.get(cover) as Response, b)
    } else if (b === undefined && a !== undefined) {
      const cover = coveringStatus(status, after)
      const coveredBy = cover !== undefined ? [cover] : isStatusRange(status) ? codesInRange(status, after) : []
      out.push({ ...base, kind: 'response-removed', at: a.ref, otherStatuses: otherStatuses(before, status), coveredBy })
      if (cover !== undefined) diffResponse(context, cover, a, after.responses.get(cover) as Response)
    } else if (a !== undefined && b !== undefined) {
      diffResponse(context, status, a, b)
    }
  }
}
