import type {
  ApiModel,
  Header,
  HttpMethod,
  MediaType,
  Operation,
  Parameter,
  ParameterIn,
  RequestBody,
  Response,
  Schema,
  SecurityRequirement,
  SecurityScheme,
} from '../model.js'

const ref = (pointer: string) => ({ file: 'test.yaml', pointer })

/** Media types of a body: `{ 'application/json': schema }`. */
export function content(bodies: Readonly<Record<string, Schema | undefined>>): ReadonlyMap<string, MediaType> {
  return new Map(
    Object.entries(bodies).map(([mediaType, schema]) => [
      mediaType,
      { mediaType, ref: ref(`/content/${mediaType}`), ...(schema === undefined ? {} : { schema }) },
    ]),
  )
}

export function parameter(spec: Partial<Parameter> & { readonly in: ParameterIn; readonly name: string }): Parameter {
  const position = spec.in === 'path' ? 'path:0' : `${spec.in}:${spec.in === 'header' ? spec.name.toLowerCase() : spec.name}`
  return {
    key: position,
    required: spec.in === 'path',
    deprecated: false,
    style: spec.in === 'query' || spec.in === 'cookie' ? 'form' : 'simple',
    explode: spec.in === 'query' || spec.in === 'cookie',
    ref: ref(`/parameters/${spec.name}`),
    ...spec,
  }
}

export function header(name: string, spec: Partial<Header> = {}): Header {
  return { name, required: false, deprecated: false, ref: ref(`/headers/${name}`), ...spec }
}

export function response(
  status: string,
  bodies: Readonly<Record<string, Schema | undefined>> = {},
  headers: ReadonlyArray<Header> = [],
): Response {
  return {
    status,
    content: content(bodies),
    headers: new Map(headers.map((h) => [h.name, h])),
    ref: ref(`/responses/${status}`),
  }
}

export function requestBody(bodies: Readonly<Record<string, Schema | undefined>>, required = false): RequestBody {
  return { required, content: content(bodies), ref: ref('/requestBody') }
}

export interface OperationSpec extends Partial<Omit<Operation, 'parameters' | 'responses' | 'key'>> {
  readonly method: HttpMethod
  readonly path: string
  readonly parameters?: ReadonlyArray<Parameter>
  readonly responses?: ReadonlyArray<Response>
}

/** An `Operation` as the loader would produce it, keyed by method and path with names erased. */
export function operation(spec: OperationSpec): Operation {
  const { parameters, responses, ...rest } = spec
  return {
    key: `${spec.method} ${spec.path.replace(/\{[^}]*\}/g, '{}')}`,
    ref: ref(`/paths/${spec.path}/${spec.method.toLowerCase()}`),
    deprecated: false,
    ...rest,
    parameters: new Map((parameters ?? []).map((p) => [p.key, p])),
    responses: new Map((responses ?? []).map((r) => [r.status, r])),
  }
}

export function requirement(schemes: Readonly<Record<string, ReadonlyArray<string>>>): SecurityRequirement {
  return new Map(Object.entries(schemes))
}

/** A model of the given operations; `schemes` maps a scheme name to its `type detail`. */
export function model(
  operations: ReadonlyArray<Operation>,
  schemes: Readonly<Record<string, string>> = {},
  file = 'test.yaml',
): ApiModel {
  const securitySchemes = new Map<string, SecurityScheme>(
    Object.entries(schemes).map(([name, meaning]) => {
      const [type = '', ...detail] = meaning.split(' ')
      return [name, { name, type, detail: detail.join(' '), ref: ref(`/components/securitySchemes/${name}`) }]
    }),
  )
  return {
    file,
    specVersion: '3.1',
    operations: new Map(operations.map((op) => [op.key, op])),
    securitySchemes,
    locate: () => undefined,
  }
}
