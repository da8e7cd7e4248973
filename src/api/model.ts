import type { Locate, SourceRef } from '../core/source-ref.js'

/**
 * The normalized, version-independent model of one OpenAPI document (2.0, 3.0 or 3.1).
 * Swagger 2 and 3.0 `nullable` are already in the 3.1 shape (`null` in `types`), so no
 * rule or diff step ever branches on the spec version.
 */
export interface ApiModel {
  /** The root file as the user named it. */
  readonly file: string
  readonly specVersion: '2.0' | '3.0' | '3.1'
  readonly title?: string
  readonly version?: string
  /** Keyed by `METHOD /path/{}`: upper-case method, path template with parameter names erased. */
  readonly operations: ReadonlyMap<string, Operation>
  /** Security scheme definitions by name, for comparing requirements by meaning. */
  readonly securitySchemes: ReadonlyMap<string, SecurityScheme>
  /** Finds line and column of a `SourceRef` in any file this document was loaded from. */
  readonly locate: Locate
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE'

export interface Operation {
  /** `GET /pets/{}` */
  readonly key: string
  readonly method: HttpMethod
  /** The template as written: `/pets/{petId}`. */
  readonly path: string
  readonly ref: SourceRef
  readonly operationId?: string
  readonly deprecated: boolean
  /** `x-sunset` (RFC 3339 date) when present. */
  readonly sunset?: string
  /** Effective parameters (path-level merged with operation-level), keyed by `parameterKey`. */
  readonly parameters: ReadonlyMap<string, Parameter>
  readonly requestBody?: RequestBody
  /** Keyed by status as written: `200`, `2XX`, `default`. */
  readonly responses: ReadonlyMap<string, Response>
  /**
   * Alternatives (OR) of requirements (AND of scheme name → scopes). `undefined` means none declared
   * (no auth); an empty alternative `{}` means anonymous access is allowed.
   */
  readonly security?: ReadonlyArray<SecurityRequirement>
}

export type SecurityRequirement = ReadonlyMap<string, ReadonlyArray<string>>

export interface SecurityScheme {
  readonly name: string
  readonly type: string
  /** `in` and `name` for apiKey; `scheme` for http; flows' URLs are left out. */
  readonly detail: string
  readonly ref: SourceRef
}

export type ParameterIn = 'path' | 'query' | 'header' | 'cookie'

/**
 * `path:0` for the first path parameter (path parameters are matched by position, so a rename is
 * no change), `query:limit`, `header:x-request-id` (header names lower-cased: HTTP header names are
 * case-insensitive, so `X-Request-Id` in A and `x-request-id` in B are one parameter),
 * `cookie:session`.
 */
export type ParameterKey = string

export interface Parameter {
  /** For matching; header names lower-cased. */
  readonly key: ParameterKey
  readonly in: ParameterIn
  /** As written in the document (`X-Request-Id`), for messages; match on `key`. */
  readonly name: string
  readonly required: boolean
  readonly deprecated: boolean
  /** Serialization; defaults applied (`form`/`simple`, explode true for form). */
  readonly style: string
  readonly explode: boolean
  readonly schema?: Schema
  /** Parameters described with `content` instead of `schema`. */
  readonly content?: ReadonlyMap<string, MediaType>
  readonly ref: SourceRef
}

export interface RequestBody {
  readonly required: boolean
  /** Keyed by media type, lower-cased, parameters kept: `application/json`. */
  readonly content: ReadonlyMap<string, MediaType>
  readonly ref: SourceRef
}

export interface MediaType {
  readonly mediaType: string
  readonly schema?: Schema
  /**
   * Where the media type is declared: its `content` entry (3.x), or its `produces`/`consumes` entry
   * (Swagger 2, the operation's or the document's; the schema or form field for the JSON default).
   */
  readonly ref: SourceRef
}

export interface Response {
  readonly status: string
  /** Keyed by lower-cased name (for matching: header names are case-insensitive); no `Content-Type`. */
  readonly headers: ReadonlyMap<string, Header>
  readonly content: ReadonlyMap<string, MediaType>
  readonly ref: SourceRef
}

export interface Header {
  /** As written in the document (`ETag`), for messages; `Response.headers` is keyed by the lower-cased name. */
  readonly name: string
  readonly required: boolean
  readonly deprecated: boolean
  readonly schema?: Schema
  readonly ref: SourceRef
}

export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string'

/** Numeric keywords compared by size; exclusive bounds are in the 3.1 (numeric) form. */
export type BoundKeyword =
  | 'maxLength'
  | 'minLength'
  | 'maximum'
  | 'minimum'
  | 'exclusiveMaximum'
  | 'exclusiveMinimum'
  | 'maxItems'
  | 'minItems'
  | 'maxProperties'
  | 'minProperties'
  | 'multipleOf'

export interface Discriminator {
  readonly propertyName: string
  /** Discriminator value → the schema it selects (its source pointer). */
  readonly mapping: ReadonlyMap<string, string>
}

/**
 * A canonical schema. One object per schema definition (a `$ref` target is one `Schema`, shared by
 * every place that references it), so comparisons memoize on object identity and cycles terminate.
 * `allOf` members that merge cleanly into one object are merged here; what could not be merged stays
 * in `allOf`.
 */
export interface Schema {
  /** Stable per document, for memo keys. */
  readonly id: number
  /** Where it is defined, after following `$ref`s. */
  readonly ref: SourceRef
  /** `Pet` when the schema is a named component (`#/components/schemas/Pet`, `#/definitions/Pet`). */
  readonly name?: string
  /** `undefined` means any type. `null` is a member when the value may be null. */
  readonly types?: ReadonlySet<JsonType>
  readonly format?: string
  /** `const` is a one-value enum. */
  readonly enum?: ReadonlyArray<unknown>
  readonly pattern?: string
  readonly bounds: Readonly<Partial<Record<BoundKeyword, number>>>
  readonly uniqueItems: boolean
  readonly properties: ReadonlyMap<string, Schema>
  readonly required: ReadonlySet<string>
  /** `true` when absent; a schema when constrained. */
  readonly additionalProperties: boolean | Schema
  readonly items?: Schema
  readonly prefixItems?: ReadonlyArray<Schema>
  readonly oneOf?: ReadonlyArray<Schema>
  readonly anyOf?: ReadonlyArray<Schema>
  readonly allOf?: ReadonlyArray<Schema>
  readonly not?: Schema
  readonly discriminator?: Discriminator
  readonly readOnly: boolean
  readonly writeOnly: boolean
  readonly deprecated: boolean
  readonly hasDefault: boolean
  readonly default?: unknown
  /**
   * Keywords the model carries without interpreting them (`if`/`then`/`else`, `contains`,
   * `minContains`/`maxContains`, `dependentRequired`, `dependentSchemas`, `dependencies`,
   * `patternProperties`, `propertyNames`, `unevaluatedProperties`/`unevaluatedItems`,
   * `contentSchema`/`contentMediaType`/`contentEncoding`, `additionalItems`): keyword → the canonical
   * JSON text of its value (object keys sorted; annotations such as `description`, `example` and
   * `x-` keys left out of the schemas it holds; nested `$ref`s kept as written, not followed).
   * Equal texts mean the same constraint; a keyword whose text differs between two versions is a
   * change rollsafe cannot judge. `undefined` when the schema has none of them.
   *
   * @example
   * schema.opaque?.get('propertyNames') // '{"pattern":"^[a-z]+$"}'
   */
  readonly opaque?: ReadonlyMap<string, string>
  /**
   * `x-extensible-enum`: the values known today of an open set. Unlike `enum` it does not restrict
   * the value: clients must accept values not listed, so a new value is not a break.
   */
  readonly extensibleEnum?: ReadonlyArray<unknown>
  /**
   * On an object schema: property name → the name it had in the previous version, from
   * `x-rollsafe-renamed-from` written on the property (beside a `$ref` too). Kept on the object, not on
   * the property's schema, because that schema may be a shared component.
   *
   * @example
   * pet.renamedFrom?.get('title') // 'name'
   */
  readonly renamedFrom?: ReadonlyMap<string, string>
}
