import type { SourceRef } from '../core/source-ref.js'
import type {
  BoundKeyword,
  Header,
  JsonType,
  MediaType,
  Operation,
  Parameter,
  ParameterIn,
  Schema,
} from './model.js'

/**
 * Which way the data flows. Request data is contravariant (B must accept all A accepted);
 * response data is covariant (B must return nothing an A client cannot read).
 */
export type Direction = 'request' | 'response'

/**
 * What a keyword change does to the set of values a schema allows, B against A:
 * `narrowed` (B allows a subset), `widened` (a superset), `changed` (neither).
 */
export type Effect = 'narrowed' | 'widened' | 'changed'

/** What carries the data a schema change is about. */
export type Subject =
  | { readonly kind: 'parameter'; readonly in: ParameterIn; readonly name: string }
  | { readonly kind: 'body'; readonly mediaType: string }
  | { readonly kind: 'header'; readonly name: string }

interface ChangeBase {
  /** `GET /pets/{}` */
  readonly operation: string
  /** `GET /pets/{petId}`, as written in B (in A for removals). */
  readonly label: string
  /**
   * In B's document, or A's for things that B no longer has (removed operation, parameter, status,
   * media type, header, property, branch). Schema changes point at the changed schema itself (the
   * property's schema for property changes); a property or branch that is a `$ref` to a named
   * component points at its declaration in the holding object, since the component is shared.
   * A round-trip mismatch points at the schema B returns.
   */
  readonly at: SourceRef
}

interface OperationLevel extends ChangeBase {
  readonly direction: 'none'
}

/** A change inside a schema, reached from an operation's parameter, body or header. */
interface SchemaLevel extends ChangeBase {
  readonly direction: Direction
  readonly subject: Subject
  /** Response status for response-side changes. */
  readonly status?: string
  /**
   * Property path from the subject's schema to the changed schema: property names, `[]` for array
   * items, `[0]` for prefixItems, `{}` for additionalProperties, `oneOf[1]` for union branches
   * (B's index; A's for a removed branch). Empty when the change is at the top of the subject's
   * schema. Property-level changes (`property-*`) and branch-level ones (`union-branch-*`) end at
   * the object or union that holds the property or branch; `name`/`branch` says which.
   */
  readonly path: ReadonlyArray<string>
  /**
   * The changed schemas in A and B: for keyword changes the schema holding the keyword, for
   * property- and branch-level changes the object or union holding them.
   */
  readonly before: Schema
  readonly after: Schema
}

export type ApiChange =
  // endpoints
  | (OperationLevel & { readonly kind: 'operation-added'; readonly after: Operation })
  | (OperationLevel & { readonly kind: 'operation-removed'; readonly before: Operation })
  | (OperationLevel & {
      readonly kind: 'operation-deprecated-changed'
      readonly before: Operation
      readonly after: Operation
    })
  | (OperationLevel & {
      readonly kind: 'operation-sunset-changed'
      readonly before: Operation
      readonly after: Operation
    })
  | (OperationLevel & {
      readonly kind: 'operation-id-changed'
      readonly before: Operation
      readonly after: Operation
    })
  // security: an A requirement no B requirement is satisfied by (A's credentials stop working)
  | (OperationLevel & {
      readonly kind: 'security-requirement-removed'
      readonly schemes: ReadonlyArray<string>
      /** Scopes B now asks for on the same schemes, when that is why A's requirement fails. */
      readonly addedScopes: ReadonlyArray<string>
    })
  | (OperationLevel & { readonly kind: 'security-requirement-added'; readonly schemes: ReadonlyArray<string> })
  // parameters (request)
  | (ChangeBase & { readonly direction: 'request'; readonly kind: 'parameter-added'; readonly after: Parameter })
  | (ChangeBase & { readonly direction: 'request'; readonly kind: 'parameter-removed'; readonly before: Parameter })
  | (ChangeBase & {
      readonly direction: 'request'
      readonly kind:
        | 'parameter-required-changed'
        | 'parameter-serialization-changed'
        | 'parameter-deprecated-changed'
      readonly before: Parameter
      readonly after: Parameter
    })
  // request body
  | (ChangeBase & {
      readonly direction: 'request'
      readonly kind: 'request-body-added'
      readonly required: boolean
    })
  | (ChangeBase & { readonly direction: 'request'; readonly kind: 'request-body-removed' })
  | (ChangeBase & {
      readonly direction: 'request'
      readonly kind: 'request-body-required-changed'
      readonly required: boolean
    })
  // media types of a body (request) or of a response
  | (ChangeBase & {
      readonly direction: Direction
      readonly kind: 'media-type-added' | 'media-type-removed'
      readonly status?: string
      readonly media: MediaType
    })
  // responses
  | (ChangeBase & {
      readonly direction: 'response'
      readonly kind: 'response-added' | 'response-removed'
      readonly status: string
      /**
       * The operation's other statuses on the side that has this one (A's for a removal, B's for an
       * addition), so a rule can tell whether a removed `default` was the only success response.
       */
      readonly otherStatuses: ReadonlyArray<string>
      /**
       * What still stands for this status on the other side (B's for a removal, A's for an
       * addition): the range holding a code (`200` → `2XX`), a `default` of the same kind, or for a
       * removed range B's codes in its class. Empty when nothing does. A covered status is no
       * status gone or new to clients: the responses are compared with each other instead.
       */
      readonly coveredBy: ReadonlyArray<string>
    })
  // response headers
  | (ChangeBase & {
      readonly direction: 'response'
      readonly kind: 'header-added' | 'header-removed'
      readonly status: string
      readonly header: Header
    })
  | (ChangeBase & {
      readonly direction: 'response'
      readonly kind: 'header-required-changed'
      readonly status: string
      readonly before: Header
      readonly after: Header
    })
  // schema keywords
  | (SchemaLevel & {
      readonly kind: 'type-changed'
      /** Non-null types; `undefined` = any. */
      readonly beforeTypes?: ReadonlySet<JsonType>
      readonly afterTypes?: ReadonlySet<JsonType>
      readonly effect: Effect
    })
  | (SchemaLevel & { readonly kind: 'nullable-changed'; readonly nullable: boolean })
  | (SchemaLevel & { readonly kind: 'format-changed'; readonly effect: Effect })
  | (SchemaLevel & {
      readonly kind: 'enum-value-added' | 'enum-value-removed'
      readonly value: unknown
      /**
       * The value is listed in `x-extensible-enum`, an open set: clients must expect values it does
       * not list, so a value B adds there is news, not a value A's clients cannot read.
       */
      readonly extensible: boolean
    })
  /** An enum (or const) appeared where any value of the type was allowed, or went away. */
  | (SchemaLevel & { readonly kind: 'enum-added' | 'enum-removed' })
  | (SchemaLevel & { readonly kind: 'pattern-changed'; readonly effect: Effect })
  | (SchemaLevel & {
      readonly kind: 'bound-changed'
      readonly keyword: BoundKeyword
      readonly from?: number
      readonly to?: number
      readonly effect: Effect
    })
  | (SchemaLevel & { readonly kind: 'unique-items-changed'; readonly effect: Effect })
  | (SchemaLevel & {
      readonly kind: 'property-added'
      readonly name: string
      /** Required in B. */
      readonly required: boolean
      readonly property: Schema
      /**
       * A's object ruled out properties it did not declare (`additionalProperties: false`) and did
       * not declare this one: clients of A that decode strictly reject it. False for a property A
       * declared but kept out of sight (readOnly in requests, writeOnly in responses).
       */
      readonly closedBefore: boolean
    })
  | (SchemaLevel & {
      readonly kind: 'property-removed'
      readonly name: string
      /** Required in A. */
      readonly required: boolean
      readonly property: Schema
    })
  | (SchemaLevel & { readonly kind: 'property-required-changed'; readonly name: string; readonly required: boolean })
  | (SchemaLevel & { readonly kind: 'additional-properties-changed'; readonly effect: Effect })
  /**
   * `value` is B's flag. A request property that became readOnly (a response property that became
   * writeOnly) is reported here, not as removed; one that stopped being so comes as `property-added`,
   * since A's clients never sent (never saw) it.
   */
  | (SchemaLevel & {
      readonly kind: 'read-only-changed' | 'write-only-changed' | 'deprecated-changed'
      readonly value: boolean
    })
  | (SchemaLevel & { readonly kind: 'default-changed' })
  | (SchemaLevel & {
      readonly kind: 'union-branch-added' | 'union-branch-removed'
      readonly keyword: 'oneOf' | 'anyOf'
      readonly branch: Schema
    })
  | (SchemaLevel & {
      readonly kind: 'discriminator-changed'
      /** What changed: the property name, or a mapping value added/removed/retargeted. */
      readonly detail: 'property' | 'mapping-added' | 'mapping-removed' | 'mapping-changed' | 'added' | 'removed'
      readonly value?: string
    })
  /**
   * A keyword rollsafe cannot compare by meaning changed: `not`, unmerged `allOf`, a tuple's length
   * (`prefixItems`), or one of the keywords the model keeps as text (`if`, `contains`,
   * `patternProperties`, `dependentRequired`, `unevaluatedProperties`…: `Schema.opaque`).
   */
  | (SchemaLevel & { readonly kind: 'schema-uncomparable'; readonly keyword: string })
  /**
   * Mixed versions in one workflow: a value B returns from `readOperation` and the client sends
   * back to A through `writeOperation` no longer fits A's request. `inner` is the request-side
   * change that B's response shape introduces against A's request schema.
   */
  | (ChangeBase & {
      readonly direction: 'none'
      readonly kind: 'roundtrip-mismatch'
      readonly readOperation: string
      readonly writeOperation: string
      /** The two operations as written: `GET /pets/{petId}` in B, `PUT /pets/{petId}` in A. */
      readonly readLabel: string
      readonly writeLabel: string
      readonly inner: SchemaChange
    })

export type ApiChangeKind = ApiChange['kind']

export type SchemaChange = Extract<ApiChange, { readonly path: ReadonlyArray<string> }>
