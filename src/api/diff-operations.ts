import { diffRequestBody } from './diff-bodies.js'
import { diffParameters } from './diff-parameters.js'
import { diffResponses } from './diff-responses.js'
import { diffSecurity } from './diff-security.js'
import type { Operation } from './model.js'
import type { OperationContext } from './operation-context.js'

/** `GET /pets/{petId}`: the operation as written. */
export function labelOf(operation: Operation): string {
  return `${operation.method} ${operation.path}`
}

/**
 * Compares one operation present in both versions, in a fixed order: the operation's own facts
 * (deprecation, sunset, operationId), security, parameters, request body, responses.
 */
export function diffOperation(context: OperationContext, before: Operation, after: Operation): void {
  const { operation, label, out } = context
  const both = { operation, label, direction: 'none', at: after.ref, before, after } as const
  if (before.deprecated !== after.deprecated) out.push({ ...both, kind: 'operation-deprecated-changed' })
  if (before.sunset !== after.sunset) out.push({ ...both, kind: 'operation-sunset-changed' })
  if (before.operationId !== after.operationId) out.push({ ...both, kind: 'operation-id-changed' })
  diffSecurity(context, before, after)
  diffParameters(context, before, after)
  diffRequestBody(context, before, after)
  diffResponses(context, before, after)
}
