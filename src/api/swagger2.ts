import type { SourceRef } from '../core/source-ref.js'
import { buildHeaders, defaultStyle, parameterIn, parameterKey, type PartsContext } from './build-parts.js'
import type { Node } from './document-set.js'
import type { Header, MediaType, Parameter, ParameterIn, RequestBody, Response, Schema } from './model.js'
import { flag, objectAt, requiredText, strings, text } from './node-checks.js'

const swaggerLocations = new Set(['path', 'query', 'header', 'body', 'formData'])

/** `collectionFormat` as OpenAPI 3 `style` and `explode`. */
const collectionFormats: Readonly<Record<string, readonly [string, boolean]>> = {
  multi: ['form', true],
  ssv: ['spaceDelimited', false],
  pipes: ['pipeDelimited', false],
  tsv: ['tabDelimited', false],
}

/** A media type of `consumes` or `produces`, with the entry that declares it (none for the JSON default). */
export interface DeclaredMediaType {
  readonly type: string
  readonly ref: SourceRef | undefined
}

const jsonByDefault: ReadonlyArray<DeclaredMediaType> = [{ type: 'application/json', ref: undefined }]

/**
 * Swagger 2 `consumes`/`produces`: the operation's, else the document's, else JSON. Each is placed
 * at its entry, so that a media type dropped from the list is reported where it was declared.
 */
export function swaggerMediaTypes(ctx: PartsContext, node: Node, key: 'consumes' | 'produces'): ReadonlyArray<DeclaredMediaType> {
  const { docs } = ctx
  let list = docs.child(node, key)
  if (strings(docs, list) === undefined) list = docs.child(docs.top(), key)
  const types = strings(docs, list) ?? []
  if (types.length === 0) return jsonByDefault
  return types.map((type, i) => ({ type, ref: docs.sourceRef(docs.child(list, i)) }))
}

/** The `in` of a Swagger 2 parameter: `path`, `query`, `header`, `body` or `formData`. */
export function swaggerParameterIn(ctx: PartsContext, node: Node): string {
  objectAt(ctx.docs, node)
  return parameterIn(ctx, node, swaggerLocations)
}

/**
 * A Swagger 2 `path`, `query` or `header` parameter: its type keywords are read as its schema, and
 * `collectionFormat` of arrays as the matching OpenAPI 3 serialization (`csv` is `form` or
 * `simple` without explode).
 */
export function buildSwaggerParameter(ctx: PartsContext, node: Node, template: string): Parameter {
  const { docs, schemas } = ctx
  const name = requiredText(docs, node, 'name')
  const where = swaggerParameterIn(ctx, node) as ParameterIn
  const required = flag(docs, node, 'required')
  if (where === 'path' && !required) throw docs.error(node, 'a path parameter must be required: true')
  requiredText(docs, node, 'type')
  const schema = schemas.build(node, true)
  let style = defaultStyle(where)
  let explode = style === 'form'
  if (schema.types?.has('array')) {
    const format = text(docs, node, 'collectionFormat') ?? 'csv'
    ;[style, explode] = collectionFormats[format] ?? [style, false]
  }
  return {
    key: parameterKey(where, name, template),
    in: where,
    name,
    required,
    deprecated: (node.value as Record<string, unknown>)['x-deprecated'] === true,
    style,
    explode,
    schema,
    content: undefined,
    ref: docs.sourceRef(node),
  }
}

/** A `body` parameter as a request body, one media type per `consumes` entry. */
export function buildSwaggerBody(ctx: PartsContext, node: Node, consumes: ReadonlyArray<DeclaredMediaType>): RequestBody {
  const { docs, schemas } = ctx
  const schemaNode = docs.child(node, 'schema')
  if (schemaNode.value === undefined) throw docs.error(node, 'a body parameter needs a schema')
  const schema = schemas.build(schemaNode)
  return {
    required: flag(docs, node, 'required'),
    content: mediaTypes(consumes, schema, docs.sourceRef(schemaNode)),
    ref: docs.sourceRef(node),
  }
}

/**
 * `formData` parameters as one request body: an object schema with a property per parameter,
 * sent as `multipart/form-data` when `consumes` names it, else `application/x-www-form-urlencoded`.
 */
export function buildSwaggerForm(
  ctx: PartsContext,
  fields: ReadonlyArray<Node>,
  consumes: ReadonlyArray<DeclaredMediaType>,
): RequestBody {
  const { docs, schemas } = ctx
  const first = fields[0] as Node
  const properties = new Map<string, Schema>()
  const required = new Set<string>()
  for (const field of fields) {
    const name = requiredText(docs, field, 'name')
    requiredText(docs, field, 'type')
    properties.set(name, schemas.build(field, true))
    if (flag(docs, field, 'required')) required.add(name)
  }
  const schema = schemas.synthetic(first, (draft) => {
    draft.types = new Set(['object'])
    draft.properties = properties
    draft.required = required
  })
  const formTypes = consumes.filter(({ type }) => /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type))
  return {
    required: required.size > 0,
    content: mediaTypes(formTypes.length > 0 ? formTypes : urlEncodedForm, schema, docs.sourceRef(first)),
    ref: docs.sourceRef(first),
  }
}

/** A Swagger 2 response: its schema under each `produces` media type; headers read as schemas. */
export function buildSwaggerResponse(
  ctx: PartsContext,
  start: Node,
  status: string,
  produces: ReadonlyArray<DeclaredMediaType>,
): Response {
  const { docs, schemas } = ctx
  const node = docs.deref(start)
  objectAt(docs, node)
  requiredText(docs, node, 'description')
  const schemaNode = docs.child(node, 'schema')
  const content =
    schemaNode.value === undefined ? new Map<string, MediaType>() : mediaTypes(produces, schemas.build(schemaNode), docs.sourceRef(schemaNode))
  const header = (entry: Node, name: string): Header => {
    objectAt(docs, entry)
    requiredText(docs, entry, 'type')
    return { name, required: false, deprecated: false, schema: schemas.build(entry, true), ref: docs.sourceRef(entry) }
  }
  return { status, headers: buildHeaders(ctx, docs.child(node, 'headers'), header), content, ref: docs.sourceRef(node) }
}

const urlEncodedForm: ReadonlyArray<DeclaredMediaType> = [{ type: 'application/x-www-form-urlencoded', ref: undefined }]

/** One media type per declared type, placed at its declaration (else at `fallback`: the schema or form). */
function mediaTypes(types: ReadonlyArray<DeclaredMediaType>, schema: Schema, fallback: SourceRef): ReadonlyMap<string, MediaType> {
  const content = new Map<string, MediaType>()
  for (const { type, ref } of types) {
    const mediaType = type.toLowerCase()
    content.set(mediaType, { mediaType, schema, ref: ref ?? fallback })
  }
  return content
}
