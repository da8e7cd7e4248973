import type { ApiModel, Operation, Schema } from './model.js'
import type { ShapeIndex } from './shape-index.js'

function isSuccess(status: string): boolean {
  return status.startsWith('2')
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType.startsWith('application/json;')
}

/** Schemas an operation returns on success (2xx), by status then media type. */
function successSchemas(operation: Operation): Array<{ readonly mediaType: string; readonly schema: Schema }> {
  const out: Array<{ mediaType: string; schema: Schema }> = []
  for (const status of [...operation.responses.keys()].filter(isSuccess).sort()) {
    const content = operation.responses.get(status)?.content ?? new Map()
    for (const mediaType of [...content.keys()].sort()) {
      const schema = content.get(mediaType)?.schema
      if (schema !== undefined) out.push({ mediaType, schema })
    }
  }
  return out
}

/**
 * What a successful response of `operation` holds in `mediaType` (or, for a JSON request, in any
 * JSON media type): the first such schema by status.
 *
 * @example
 * successSchema(getPet, 'application/json') // the 200 response's Pet schema
 */
export function successSchema(operation: Operation, mediaType: string): Schema | undefined {
  const schemas = successSchemas(operation)
  const exact = schemas.find((entry) => entry.mediaType === mediaType)
  if (exact !== undefined || !isJson(mediaType)) return exact?.schema
  return schemas.find((entry) => isJson(entry.mediaType))?.schema
}

/**
 * Every named component schema a successful response can hold, anywhere inside it, with the
 * first operation returning it (GETs first, then by key). Walks the graph of named components
 * only (unnamed parts are folded into `shapes`' references), each component once.
 *
 * @example
 * namedSchemasReturned(model, shapes).get('Pet') // { schema: Pet, operation: 'GET /pets' }
 */
export function namedSchemasReturned(
  model: ApiModel,
  shapes: ShapeIndex,
): ReadonlyMap<string, { readonly schema: Schema; readonly operation: string }> {
  const found = new Map<string, { schema: Schema; operation: string }>()
  const visited = new Set<Schema>()
  const keys = [...model.operations.keys()].sort((x, y) => Number(!x.startsWith('GET ')) - Number(!y.startsWith('GET ')) || (x < y ? -1 : x > y ? 1 : 0))
  for (const key of keys) {
    const stack: Schema[] = []
    for (const { schema } of successSchemas(model.operations.get(key) as Operation)) {
      if (schema.name !== undefined) stack.push(schema)
      else stack.push(...shapes.namedRefs(schema))
    }
    while (stack.length > 0) {
      const schema = stack.pop() as Schema
      if (visited.has(schema)) continue
      visited.add(schema)
      if (schema.name !== undefined && !found.has(schema.name)) found.set(schema.name, { schema, operation: key })
      for (const next of shapes.namedRefs(schema)) if (!visited.has(next)) stack.push(next)
    }
  }
  return found
}
