import type { Operation, Parameter, Schema } from './model.js'
import { addSchemaChanges, sortedKeys, type OperationContext } from './operation-context.js'

/** A parameter's schema, or that of its first media type when it is described with `content`. */
function schemaOf(parameter: Parameter): Schema | undefined {
  if (parameter.schema !== undefined || parameter.content === undefined) return parameter.schema
  const first = [...parameter.content.keys()].sort()[0]
  return first === undefined ? undefined : parameter.content.get(first)?.schema
}

/**
 * Compares the effective parameters of an operation matched by key (path parameters by position,
 * so a renamed path parameter is no change): added, removed, required, serialization, deprecation,
 * and each parameter's schema as request data.
 */
export function diffParameters(context: OperationContext, before: Operation, after: Operation): void {
  const { operation, label, out } = context
  for (const key of sortedKeys(before.parameters, after.parameters)) {
    const a = before.parameters.get(key)
    const b = after.parameters.get(key)
    if (a === undefined && b !== undefined) {
      out.push({ kind: 'parameter-added', operation, label, direction: 'request', at: b.ref, after: b })
      continue
    }
    if (b === undefined && a !== undefined) {
      out.push({ kind: 'parameter-removed', operation, label, direction: 'request', at: a.ref, before: a })
      continue
    }
    if (a === undefined || b === undefined) continue
    const both = { operation, label, direction: 'request', at: b.ref, before: a, after: b } as const
    if (a.required !== b.required) out.push({ ...both, kind: 'parameter-required-changed' })
    if (a.style !== b.style || a.explode !== b.explode) out.push({ ...both, kind: 'parameter-serialization-changed' })
    if (a.deprecated !== b.deprecated) out.push({ ...both, kind: 'parameter-deprecated-changed' })
    addSchemaChanges(
      context,
      { direction: 'request', subject: { kind: 'parameter', in: b.in, name: b.name } },
      { before: schemaOf(a), after: schemaOf(b), beforeRef: a.ref, afterRef: b.ref },
    )
  }
}
