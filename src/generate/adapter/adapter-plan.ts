import type { JsonType, MediaType } from '../../api/model.js'

/** `upgrade`: an old request to the new shape; `downgrade`: a new response to the old shape. */
export type Side = 'upgrade' | 'downgrade'

/** Which version a schema or type belongs to. */
export type Version = 'old' | 'new'

/** A named type in one version's namespace: `V1.Pet`. */
export interface TypeRef {
  readonly version: Version
  readonly name: string
}

/**
 * What the layer does about one change: `code` (generated, exact), `lossy` (generated, but data
 * cannot make the round trip), `none` (nothing to do in that direction), `manual` (a stub that
 * throws until a person writes it).
 */
export type Treatment = 'code' | 'lossy' | 'none' | 'manual'

/** One line of the account in ADAPTER.md: every diff change ends up in exactly one of these. */
export interface Entry {
  /** `schema \`Pet\``, `POST /pets/{} request`. */
  readonly where: string
  /** `property \`name\` renamed to \`title\``. */
  readonly what: string
  readonly treatment: Treatment
  /** The generated function that does it, or the stub to write. */
  readonly by?: string
}

/** Value-level steps, applied to the value itself before anything else. */
export type ValueStep =
  | { readonly kind: 'map-values'; readonly table: ReadonlyArray<readonly [unknown, unknown]> }
  | { readonly kind: 'coerce'; readonly to: 'string' | 'integer' }
  | { readonly kind: 'replace-null'; readonly value: unknown }

/** Object-level steps, applied to a copy of an object value after its children are converted. */
export type ObjectStep =
  | { readonly kind: 'rename'; readonly from: string; readonly to: string }
  | { readonly kind: 'delete'; readonly name: string }
  /** Sets `name` to `value` when absent. */
  | { readonly kind: 'default'; readonly name: string; readonly value: unknown }
  /** Sets `to` to a copy of `from` when `to` is absent. */
  | { readonly kind: 'copy'; readonly from: string; readonly to: string }

/** What the runtime checks to tell which union branch a value belongs to (the input side's branch). */
export interface BranchTest {
  readonly types?: ReadonlyArray<JsonType>
  readonly required: ReadonlyArray<string>
  /** Properties whose value is fixed (one-value enums, discriminator values). */
  readonly fixed: ReadonlyArray<readonly [name: string, values: ReadonlyArray<unknown>]>
}

/** Where a child converter applies, relative to the value (names on the input side). */
export type Child =
  | { readonly kind: 'property'; readonly name: string; readonly converter: string }
  | { readonly kind: 'items'; readonly converter: string }
  | { readonly kind: 'values'; readonly converter: string }
  | { readonly kind: 'tuple'; readonly index: number; readonly converter: string }
  | { readonly kind: 'all-of'; readonly converter: string }
  | {
      readonly kind: 'branches'
      readonly branches: ReadonlyArray<{ readonly test: BranchTest; readonly converter?: string }>
    }

/** A stub a person fills in: `(original, converted) => converted`, throwing until written. */
export interface ManualStub {
  readonly name: string
  /** Type source of the original value and of the result (`V1.Pet`, `AdapterRequest`). */
  readonly input: TypeRef | 'request' | 'response'
  readonly output: TypeRef | 'request' | 'response'
  /** The changes it must handle, for the thrown message and ADAPTER.md. */
  readonly reasons: ReadonlyArray<string>
}

/** One schema pair's converter in one direction, e.g. `upgradePet(value: V1.Pet): V2.Pet`. */
export interface ConverterPlan {
  readonly name: string
  readonly side: Side
  readonly input: TypeRef
  readonly output: TypeRef
  /** `schema \`Pet\`` or `POST /pets request body`, for docs. */
  readonly subject: string
  readonly values: ReadonlyArray<ValueStep>
  readonly children: ReadonlyArray<Child>
  readonly objects: ReadonlyArray<ObjectStep>
  readonly manual?: ManualStub
  /** One JSDoc line per thing it does. */
  readonly notes: ReadonlyArray<string>
}

export type ParameterLocation = 'query' | 'header' | 'cookie' | 'path'

export type RequestStep =
  | { readonly kind: 'rename-parameter'; readonly in: ParameterLocation; readonly from: string; readonly to: string }
  | { readonly kind: 'default-parameter'; readonly in: ParameterLocation; readonly name: string; readonly value: string }
  | { readonly kind: 'delete-parameter'; readonly in: ParameterLocation; readonly name: string }
  | {
      readonly kind: 'map-parameter'
      readonly in: ParameterLocation
      readonly name: string
      readonly table: ReadonlyArray<readonly [string, string]>
    }
  | { readonly kind: 'media-type'; readonly from: string; readonly to: string }
  /** Converts the body when its media type is `mediaType` (the old one). */
  | { readonly kind: 'body'; readonly mediaType: string; readonly converter: string }
  | { readonly kind: 'delete-body' }

export type ResponseStep =
  | { readonly kind: 'media-type'; readonly from: string; readonly to: string }
  /** Converts the body when its media type is `mediaType` (the new one). */
  | { readonly kind: 'body'; readonly mediaType: string; readonly converter: string }
  | { readonly kind: 'default-header'; readonly name: string; readonly value: string }
  | { readonly kind: 'map-header'; readonly name: string; readonly table: ReadonlyArray<readonly [string, string]> }

/** How one response status of B is shown to A's clients. */
export interface ResponsePlan {
  /** As written in B: `201`, `2XX`, `default`. */
  readonly newStatus: string
  /** The status A documents for it; the same unless the status changed. */
  readonly oldStatus: string
  readonly steps: ReadonlyArray<ResponseStep>
  readonly manual?: ManualStub
}

/** One operation as A's clients call it, and how it reaches B. */
export interface OperationPlan {
  /** A's key, `POST /pets/{}`. */
  readonly key: string
  /** PascalCase, for function names: `CreatePet`. */
  readonly name: string
  readonly method: string
  /** A's path template, which A's clients call. */
  readonly oldPath: string
  /** B's path template, where the request goes (an alias route when it differs). */
  readonly newPath: string
  readonly request: ReadonlyArray<RequestStep>
  readonly requestManual?: ManualStub
  readonly responses: ReadonlyArray<ResponsePlan>
  /** The diff found something in it (or it moved or went away). */
  readonly changed: boolean
  /** B's documented statuses, so a status code finds its response (`200` before `2XX`). */
  readonly statuses: ReadonlyArray<string>
  /** What the generated tests send and expect (subjects with their schemas). */
  readonly samples: OperationSamples
}

/** The bodies the generated tests send through an operation's converters (both sides have a schema). */
export interface OperationSamples {
  /** A's request body media type and B's it becomes. */
  readonly requestBody?: { readonly old: MediaType; readonly new: MediaType }
  /** Per response status of B with a JSON body: B's media type in, A's out. */
  readonly responses: ReadonlyArray<{
    readonly newStatus: string
    readonly oldStatus: string
    readonly new: MediaType
    readonly old: MediaType
  }>
}

/** Everything the emitters need: converters, operations, names and the account of every change. */
export interface AdapterPlan {
  readonly converters: ReadonlyArray<ConverterPlan>
  /** Every operation of A (so the runtime can match paths), changed or not. */
  readonly operations: ReadonlyArray<OperationPlan>
  readonly entries: ReadonlyArray<Entry>
}
