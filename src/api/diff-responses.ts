import { diffContent } from './diff-bodies.js'
import type { Operation, Response } from './model.js'
import { addSchemaChanges, sortedKeys, type OperationContext } from './operation-context.js'

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

function otherStatuses(operation: Operation, status: string): string[] {
  return [...operation.responses.keys()].filter((other) => other !== status).sort()
}

/**
 * Compares responses per status as written (`200`, `2XX`, `default`): added and removed statuses,
 * then for each shared status its media types and schemas, and its headers, as response data.
 */
export function diffResponses(context: OperationContext, before: Operation, after: Operation): void {
  const { operation, label, out } = context
  for (const status of sortedKeys(before.responses, after.responses)) {
    const a = before.responses.get(status)
    const b = after.responses.get(status)
    const base = { operation, label, direction: 'response', status } as const
    if (a === undefined && b !== undefined) {
      out.push({ ...base, kind: 'response-added', at: b.ref, otherStatuses: otherStatuses(after, status) })
    } else if (b === undefined && a !== undefined) {
      out.push({ ...base, kind: 'response-removed', at: a.ref, otherStatuses: otherStatuses(before, status) })
    } else if (a !== undefined && b !== undefined) {
      diffContent(context, 'response', status, a.content, b.content)
      diffHeaders(context, status, a, b)
    }
  }
}
