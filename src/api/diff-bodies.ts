import type { Direction } from './change.js'
import type { MediaType, Operation } from './model.js'
import { addSchemaChanges, sortedKeys, type OperationContext } from './operation-context.js'

/**
 * Compares the media types of one body (a request body, or one response's content): added and
 * removed media types, and each shared media type's schema in the body's direction.
 */
export function diffContent(
  context: OperationContext,
  direction: Direction,
  status: string | undefined,
  before: ReadonlyMap<string, MediaType>,
  after: ReadonlyMap<string, MediaType>,
): void {
  const { operation, label, out } = context
  const statusField = status === undefined ? {} : { status }
  for (const mediaType of sortedKeys(before, after)) {
    const a = before.get(mediaType)
    const b = after.get(mediaType)
    if (a === undefined && b !== undefined) {
      out.push({ kind: 'media-type-added', operation, label, direction, at: b.ref, media: b, ...statusField })
    } else if (b === undefined && a !== undefined) {
      out.push({ kind: 'media-type-removed', operation, label, direction, at: a.ref, media: a, ...statusField })
    } else if (a !== undefined && b !== undefined) {
      addSchemaChanges(
        context,
        { direction, subject: { kind: 'body', mediaType }, ...statusField },
        { before: a.schema, after: b.schema, beforeRef: a.ref, afterRef: b.ref },
      )
    }
  }
}

/** Compares request bodies: added (with its requiredness), removed, required changed, content. */
export function diffRequestBody(context: OperationContext, before: Operation, after: Operation): void {
  const { operation, label, out } = context
  const a = before.requestBody
  const b = after.requestBody
  if (a === undefined && b === undefined) return
  if (a === undefined && b !== undefined) {
    out.push({ kind: 'request-body-added', operation, label, direction: 'request', at: b.ref, required: b.required })
    return
  }
  if (b === undefined && a !== undefined) {
    out.push({ kind: 'request-body-removed', operation, label, direction: 'request', at: a.ref })
    return
  }
  if (a === undefined || b === undefined) return
  if (a.required !== b.required) {
    out.push({ kind: 'request-body-required-changed', operation, label, direction: 'request', at: b.ref, required: b.required })
  }
  diffContent(context, 'request', undefined, a.content, b.content)
}
