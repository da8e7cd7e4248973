import type { SchemaBuilder } from './build-schema.js'
import type { DocumentSet, Node } from './document-set.js'
import type { Header, MediaType, Parameter, ParameterIn, RequestBody, Response } from './model.js'
import { flag, membersOf, objectAt, requiredText, text } from './node-checks.js'

/** What builds an operation's parts: shared by both readers (3.x here, Swagger 2 in swagger2.ts). */
export interface PartsContext {
  readonly docs: DocumentSet
  readonly schemas: SchemaBuilder
}

const locations = new Set<string>(['path', 'query', 'header', 'cookie'])
/** OpenAPI 3: header parameters with these names are ignored (the HTTP layer owns them). */
const reservedHeaders = new Set(['accept', 'content-type', 'authorization'])

/** `path:0` by position in the template, `header:x-id` lower-cased, `query:limit` as written. */
export function parameterKey(where: ParameterIn, name: string, template: string): string {
  if (where === 'path') {
    const names = [...template.matchAll(/\{([^}]*)\}/g)].map((match) => match[1])
    const position = names.indexOf(name)
    return position === -1 ? `path:${name}` : `path:${position}`
  }
  return `${where}:${where === 'header' ? name.toLowerCase() : name}`
}

/** The `in` of a parameter, checked against the given set of locations. */
export function parameterIn(ctx: PartsContext, node: Node, allowed: ReadonlySet<string> = locations): string {
  const where = requiredText(ctx.docs, node, 'in')
  if (!allowed.has(where)) throw ctx.docs.error(ctx.docs.child(node, 'in'), `'${where}' is not a parameter location`)
  return where
}

/** Default serialization of OpenAPI 3 (`form` for query and cookie, `simple` for path and header). */
export function defaultStyle(where: ParameterIn): string {
  return where === 'query' || where === 'cookie' ? 'form' : 'simple'
}

/** An OpenAPI 3 parameter (already dereferenced); `undefined` for ignored headers. */
export function buildParameter(ctx: PartsContext, node: Node, template: string): Parameter | undefined {
  const { docs, schemas } = ctx
  objectAt(docs, node)
  const name = requiredText(docs, node, 'name')
  const where = parameterIn(ctx, node) as ParameterIn
  if (where === 'header' && reservedHeaders.has(name.toLowerCase())) return undefined
  const required = flag(docs, node, 'required')
  if (where === 'path' && !required) throw docs.error(node, 'a path parameter must be required: true')
  const style = text(docs, node, 'style') ?? defaultStyle(where)
  const fields = node.value as Record<string, unknown>
  const content = fields.content === undefined ? undefined : buildContent(ctx, docs.child(node, 'content'))
  return {
    key: parameterKey(where, name, template),
    in: where,
    name,
    required,
    deprecated: flag(docs, node, 'deprecated'),
    style,
    explode: flag(docs, node, 'explode', style === 'form'),
    schema: fields.schema === undefined ? undefined : schemas.build(docs.child(node, 'schema')),
    content,
    ref: docs.sourceRef(node),
  }
}

/** Media types of a `content` map, keys lower-cased. */
export function buildContent(ctx: PartsContext, node: Node): ReadonlyMap<string, MediaType> {
  const content = new Map<string, MediaType>()
  for (const [type, entry] of membersOf(ctx.docs, node)) {
    const fields = objectAt(ctx.docs, entry)
    const mediaType = type.toLowerCase()
    content.set(mediaType, {
      mediaType,
      schema: fields.schema === undefined ? undefined : ctx.schemas.build(ctx.docs.child(entry, 'schema')),
      ref: ctx.docs.sourceRef(entry),
    })
  }
  return content
}

/** An OpenAPI 3 request body (may be a `$ref`). */
export function buildRequestBody(ctx: PartsContext, start: Node): RequestBody {
  const node = ctx.docs.deref(start)
  const fields = objectAt(ctx.docs, node)
  if (fields.content === undefined) throw ctx.docs.error(node, 'content is required')
  return {
    required: flag(ctx.docs, node, 'required'),
    content: buildContent(ctx, ctx.docs.child(node, 'content')),
    ref: ctx.docs.sourceRef(node),
  }
}

/** An OpenAPI 3 response (may be a `$ref`). */
export function buildResponse(ctx: PartsContext, start: Node, status: string): Response {
  const node = ctx.docs.deref(start)
  objectAt(ctx.docs, node)
  requiredText(ctx.docs, node, 'description')
  return {
    status,
    headers: buildHeaders(ctx, ctx.docs.child(node, 'headers'), (header, name) => buildHeader(ctx, header, name)),
    content: buildContent(ctx, ctx.docs.child(node, 'content')),
    ref: ctx.docs.sourceRef(node),
  }
}

/**
 * Response headers keyed by lower-cased name (HTTP header names are case-insensitive), each with
 * its name as written; without `Content-Type` (the media type says it).
 */
export function buildHeaders(
  ctx: PartsContext,
  node: Node,
  build: (header: Node, name: string) => Header,
): ReadonlyMap<string, Header> {
  const headers = new Map<string, Header>()
  for (const [name, entry] of membersOf(ctx.docs, node)) {
    const lower = name.toLowerCase()
    if (lower === 'content-type') continue
    headers.set(lower, build(ctx.docs.deref(entry), name))
  }
  return headers
}

function buildHeader(ctx: PartsContext, node: Node, name: string): Header {
  const { docs, schemas } = ctx
  const fields = objectAt(docs, node)
  let schema = fields.schema === undefined ? undefined : schemas.build(docs.child(node, 'schema'))
  if (schema === undefined && fields.content !== undefined) schema = [...buildContent(ctx, docs.child(node, 'content')).values()][0]?.schema
  return {
    name,
    required: flag(docs, node, 'required'),
    deprecated: flag(docs, node, 'deprecated'),
    schema,
    ref: docs.sourceRef(node),
  }
}
