import { buildParameter, buildRequestBody, buildResponse, type PartsContext } from './build-parts.js'
import { buildRequirements } from './build-security.js'
import type { SpecVersion } from './build-schema.js'
import type { Node } from './document-set.js'
import type { HttpMethod, Operation, Parameter, RequestBody, Response, SecurityRequirement } from './model.js'
import { elementsOf, flag, membersOf, objectAt, requiredText, text } from './node-checks.js'
import {
  buildSwaggerBody,
  buildSwaggerForm,
  buildSwaggerParameter,
  buildSwaggerResponse,
  swaggerMediaTypes,
  swaggerParameterIn,
} from './swagger2.js'

export interface OperationsContext extends PartsContext {
  readonly version: SpecVersion
  /** Root-level `security`, for operations that declare none. */
  readonly security: ReadonlyArray<SecurityRequirement> | undefined
}

const methods: ReadonlyArray<Lowercase<HttpMethod>> = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const statusPattern = /^(?:\d\d\d|[1-5]XX|default)$/

/** `GET /pets/{}`: upper-case method and the template with parameter names erased. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`
}

/**
 * Every operation under `paths`, keyed by `operationKey`. Path items and operations may be `$ref`s
 * (DigitalOcean keeps each operation in its own file); parameters are the path item's merged with
 * the operation's (the operation's win).
 *
 * @example
 * buildOperations(ctx).get('GET /pets/{}')?.parameters.get('path:0')?.name // 'petId'
 */
export function buildOperations(ctx: OperationsContext): ReadonlyMap<string, Operation> {
  const { docs } = ctx
  const operations = new Map<string, Operation>()
  const paths = docs.child(docs.top(), 'paths')
  for (const [path, entry] of membersOf(docs, paths)) {
    if (!path.startsWith('/')) throw docs.error(entry, "a path must start with '/'")
    const item = docs.deref(entry)
    objectAt(docs, item)
    const shared = elementsOf(docs, docs.child(item, 'parameters')).map((parameter) => docs.deref(parameter))
    for (const method of methods) {
      const slot = docs.child(item, method)
      if (slot.value === undefined) continue
      const key = operationKey(method, path)
      const twin = operations.get(key)
      if (twin !== undefined) throw docs.error(entry, `the same path as '${twin.path}' (parameter names aside)`)
      operations.set(key, buildOperation(ctx, docs.deref(slot), key, method, path, shared))
    }
  }
  return operations
}

function buildOperation(
  ctx: OperationsContext,
  node: Node,
  key: string,
  method: Lowercase<HttpMethod>,
  path: string,
  shared: ReadonlyArray<Node>,
): Operation {
  const { docs } = ctx
  const fields = objectAt(docs, node)
  const own = elementsOf(docs, docs.child(node, 'parameters')).map((parameter) => docs.deref(parameter))
  const effective = mergeParameters(ctx, shared, own)
  const { parameters, requestBody } =
    ctx.version === '2.0' ? swaggerInputs(ctx, node, effective, path) : openApiInputs(ctx, node, effective, path)
  const sunset = fields['x-sunset']
  const security = Object.hasOwn(fields, 'security') ? buildRequirements(docs, docs.child(node, 'security')) : ctx.security
  const operationId = text(docs, node, 'operationId')
  return {
    key,
    method: method.toUpperCase() as HttpMethod,
    path,
    ref: docs.sourceRef(node),
    operationId,
    deprecated: flag(docs, node, 'deprecated'),
    sunset: typeof sunset === 'string' ? sunset : undefined,
    parameters,
    requestBody,
    responses: buildResponses(ctx, node),
    security,
  }
}

/** Path-level parameters overridden by operation-level ones with the same `in` and `name`. */
function mergeParameters(ctx: OperationsContext, shared: ReadonlyArray<Node>, own: ReadonlyArray<Node>): ReadonlyArray<Node> {
  const byIdentity = new Map<string, Node>()
  for (const parameter of [...shared, ...own]) {
    objectAt(ctx.docs, parameter)
    const name = requiredText(ctx.docs, parameter, 'name')
    const where = requiredText(ctx.docs, parameter, 'in')
    byIdentity.set(`${where}\u0000${where === 'header' ? name.toLowerCase() : name}`, parameter)
  }
  return [...byIdentity.values()]
}

interface Inputs {
  readonly parameters: ReadonlyMap<string, Parameter>
  readonly requestBody: RequestBody | undefined
}

function openApiInputs(ctx: OperationsContext, node: Node, effective: ReadonlyArray<Node>, path: string): Inputs {
  const parameters = new Map<string, Parameter>()
  for (const parameter of effective) {
    const built = buildParameter(ctx, parameter, path)
    if (built !== undefined) parameters.set(built.key, built)
  }
  const body = ctx.docs.child(node, 'requestBody')
  return { parameters, requestBody: body.value === undefined ? undefined : buildRequestBody(ctx, body) }
}

function swaggerInputs(ctx: OperationsContext, node: Node, effective: ReadonlyArray<Node>, path: string): Inputs {
  const { docs } = ctx
  const parameters = new Map<string, Parameter>()
  const form: Node[] = []
  let requestBody: RequestBody | undefined
  const consumes = swaggerMediaTypes(ctx, node, 'consumes')
  for (const parameter of effective) {
    const where = swaggerParameterIn(ctx, parameter)
    if (where === 'body') requestBody = buildSwaggerBody(ctx, parameter, consumes)
    else if (where === 'formData') form.push(parameter)
    else {
      const built = buildSwaggerParameter(ctx, parameter, path)
      parameters.set(built.key, built)
    }
  }
  if (requestBody !== undefined && form.length > 0) throw docs.error(node, 'an operation cannot have both body and formData parameters')
  if (form.length > 0) requestBody = buildSwaggerForm(ctx, form, consumes)
  return { parameters, requestBody }
}

function buildResponses(ctx: OperationsContext, node: Node): ReadonlyMap<string, Response> {
  const { docs } = ctx
  const slot = docs.child(node, 'responses')
  if (slot.value === undefined && ctx.version !== '3.1') throw docs.error(node, 'responses is required')
  const produces = ctx.version === '2.0' ? swaggerMediaTypes(ctx, node, 'produces') : []
  const responses = new Map<string, Response>()
  for (const [status, entry] of membersOf(docs, slot)) {
    if (!statusPattern.test(status)) throw docs.error(entry, `'${status}' is not a response status`)
    responses.set(
      status,
      ctx.version === '2.0' ? buildSwaggerResponse(ctx, entry, status, produces) : buildResponse(ctx, entry, status),
    )
  }
  return responses
}
