import type { ApiModel, Operation, Schema } from '../../api/model.js'

/** The schemas directly inside a schema, in a fixed order. */
export function childSchemas(schema: Schema): Schema[] {
  const out: Schema[] = [...schema.properties.values()]
  if (typeof schema.additionalProperties !== 'boolean') out.push(schema.additionalProperties)
  if (schema.items !== undefined) out.push(schema.items)
  out.push(...(schema.prefixItems ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? []))
  if (schema.not !== undefined) out.push(schema.not)
  return out
}

/** The schemas an operation uses directly: parameters, request bodies, responses and their headers. */
export function operationSchemas(operation: Operation): Schema[] {
  const out: Schema[] = []
  for (const parameter of operation.parameters.values()) {
    if (parameter.schema !== undefined) out.push(parameter.schema)
    for (const media of parameter.content?.values() ?? []) if (media.schema !== undefined) out.push(media.schema)
  }
  for (const media of operation.requestBody?.content.values() ?? []) if (media.schema !== undefined) out.push(media.schema)
  for (const response of operation.responses.values()) {
    for (const media of response.content.values()) if (media.schema !== undefined) out.push(media.schema)
    for (const header of response.headers.values()) if (header.schema !== undefined) out.push(header.schema)
  }
  return out
}

/** Every schema reachable from the model's operations, each once, in a deterministic walk order. */
export function reachableSchemas(model: ApiModel): Schema[] {
  const seen = new Set<Schema>()
  const out: Schema[] = []
  const stack: Schema[] = []
  const keys = [...model.operations.keys()].sort()
  for (const key of keys) stack.push(...operationSchemas(model.operations.get(key) as Operation).reverse())
  stack.reverse()
  while (stack.length > 0) {
    const schema = stack.pop() as Schema
    if (seen.has(schema)) continue
    seen.add(schema)
    out.push(schema)
    stack.push(...childSchemas(schema).reverse())
  }
  return out
}

/**
 * Unnamed schemas that contain themselves without passing through a named one (a `$ref` to a
 * place that is not a component). Their types must be named, or writing them would not end.
 */
export function unnamedCycles(schemas: ReadonlyArray<Schema>): Set<Schema> {
  const out = new Set<Schema>()
  const state = new Map<Schema, 'open' | 'done'>()
  const visit = (start: Schema): void => {
    const stack: Array<{ readonly schema: Schema; readonly children: Schema[] }> = []
    const enter = (schema: Schema): void => {
      state.set(schema, 'open')
      stack.push({ schema, children: childSchemas(schema).filter((child) => child.name === undefined) })
    }
    enter(start)
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number]
      const next = top.children.shift()
      if (next === undefined) {
        state.set(top.schema, 'done')
        stack.pop()
      } else if (state.get(next) === 'open') out.add(next)
      else if (state.get(next) === undefined) enter(next)
    }
  }
  for (const schema of schemas) if (schema.name === undefined && !state.has(schema)) visit(schema)
  return out
}
