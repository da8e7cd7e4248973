import { operationKey } from '../../api/build-operations.js'
import type { ApiModel, Operation, Parameter } from '../../api/model.js'
import type { AdapterPlan, OperationPlan, Version } from './adapter-plan.js'
import { wireText } from './operation-context.js'
import { pickExample, type ExampleSource } from './pick-example.js'
import type { RawDocuments } from './raw-document.js'
import { synthesizeValue } from './synthesize-value.js'
import { statusName } from './names.js'
import type { TypeNames } from './type-names.js'

/** An older client's request and what the upgraded request must satisfy. */
export interface RequestSample {
  readonly title: string
  readonly operation: string
  readonly request: {
    readonly method: string
    readonly path: string
    readonly query: Record<string, string>
    readonly headers: Record<string, string>
    readonly body?: unknown
  }
  readonly expect: {
    /** A regular expression for B's path. */
    readonly path: string
    /** B's request body schema (in `$defs`), when a body is sent. */
    readonly schema?: string
    readonly query: ReadonlyArray<string>
    readonly headers: ReadonlyArray<string>
  }
}

/** A response of B and what the downgraded response must satisfy. */
export interface ResponseSample {
  readonly title: string
  readonly operation: string
  readonly response: { readonly status: number; readonly headers: Record<string, string>; readonly body: unknown }
  readonly expect: { readonly status: number; readonly schema: string; readonly mediaType: string }
}

export interface Samples {
  readonly requests: ReadonlyArray<RequestSample>
  readonly responses: ReadonlyArray<ResponseSample>
  /** Bodies without a valid value, for ADAPTER.md. */
  readonly missing: ReadonlyArray<string>
}

export interface SampleInputs {
  readonly models: Readonly<Record<Version, ApiModel>>
  readonly raw: Readonly<Record<Version, RawDocuments>>
  readonly names: TypeNames
  /** Validates a value against a named schema of a version. */
  readonly isValid: (version: Version, name: string, value: unknown) => boolean
}

/** Gives every sample body schema a type name, before the types and JSON schemas are written. */
export function nameSampleSchemas(plan: AdapterPlan, names: TypeNames): void {
  for (const operation of plan.operations) {
    const { requestBody, responses } = operation.samples
    if (requestBody?.old.schema !== undefined && requestBody.new.schema !== undefined) {
      names.ensurePair(requestBody.old.schema, requestBody.new.schema, `${operation.name}RequestBody`)
    }
    for (const sample of responses) {
      if (sample.old.schema !== undefined && sample.new.schema !== undefined) {
        names.ensurePair(sample.old.schema, sample.new.schema, `${operation.name}Response${statusName(sample.newStatus)}Body`)
      }
    }
  }
}

function parameterValue(parameter: Parameter): string {
  return parameter.schema === undefined ? 'text' : wireText(synthesizeValue(parameter.schema))
}

function parametersIn(operation: Operation | undefined, where: Parameter['in']): Parameter[] {
  return [...(operation?.parameters.values() ?? [])].filter((p) => p.in === where)
}

/** A status code that lands on `status` among the operation's documented ones. */
function statusCode(status: string, declared: ReadonlyArray<string>): number {
  if (/^[1-5][0-9][0-9]$/.test(status)) return Number(status)
  const taken = new Set(declared)
  const candidates = status === 'default' ? [500, 400, 422, 503, 599] : [Number(status.charAt(0)) * 100, Number(status.charAt(0)) * 100 + 99]
  return candidates.find((code) => !taken.has(String(code)) && !taken.has(`${String(code).charAt(0)}XX`)) ?? 599
}

function requestSample(operation: OperationPlan, inputs: SampleInputs, missing: string[]): RequestSample {
  const before = inputs.models.old.operations.get(operation.key)
  const after = inputs.models.new.operations.get(operationKey(operation.method, operation.newPath))
  const pathValues = parametersIn(before, 'path').map(parameterValue)
  let index = 0
  const path = operation.oldPath.replace(/\{[^}]*\}/g, () => encodeURIComponent(pathValues[index++] ?? '1'))
  const query = Object.fromEntries(parametersIn(before, 'query').map((p) => [p.name, parameterValue(p)]))
  const headers = Object.fromEntries(parametersIn(before, 'header').map((p) => [p.name.toLowerCase(), parameterValue(p)]))
  const title = `${operation.method} ${operation.oldPath}: request`
  const body = operation.samples.requestBody
  let value: { value: unknown; source: ExampleSource } | undefined
  let schema: string | undefined
  if (body?.old.schema !== undefined && body.new.schema !== undefined) {
    const oldName = inputs.names.nameOf('old', body.old.schema) as string
    value = pickExample(body.old, inputs.raw.old, (v) => inputs.isValid('old', oldName, v))
    if (value === undefined) missing.push(`${title} body: no valid example; add one to OLD`)
    else {
      headers['content-type'] = body.old.mediaType
      schema = inputs.names.nameOf('new', body.new.schema)
    }
  }
  const newPath = operation.newPath
    .split('/')
    .map((segment) => (/^\{[^}]*\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')))
    .join('/')
  const required = (where: Parameter['in']): string[] => parametersIn(after, where).filter((p) => p.required).map((p) => (where === 'header' ? p.name.toLowerCase() : p.name)).sort()
  return {
    title: value === undefined ? title : `${title} (${value.source} body)`,
    operation: operation.key,
    request: { method: operation.method, path, query, headers, ...(value === undefined ? {} : { body: value.value }) },
    expect: { path: `^${newPath}$`, ...(schema === undefined ? {} : { schema }), query: required('query'), headers: required('header') },
  }
}

/**
 * The values the generated tests send: per changed operation an older client's request (path,
 * parameters and body) and a body of the latest version per JSON response, each valid against its
 * own version's schema, whether or not a converter touches it (a widening must need none).
 */
export function buildSamples(plan: AdapterPlan, inputs: SampleInputs): Samples {
  const requests: RequestSample[] = []
  const responses: ResponseSample[] = []
  const missing: string[] = []
  for (const operation of plan.operations) {
    if (!operation.changed) continue
    const upgrades = operation.request.length > 0 || operation.requestManual !== undefined || operation.oldPath !== operation.newPath
    if (upgrades || operation.samples.requestBody !== undefined) requests.push(requestSample(operation, inputs, missing))
    for (const sample of operation.samples.responses) {
      if (sample.new.schema === undefined || sample.old.schema === undefined) continue
      const title = `${operation.method} ${operation.oldPath}: response ${sample.newStatus}`
      const newName = inputs.names.nameOf('new', sample.new.schema) as string
      const value = pickExample(sample.new, inputs.raw.new, (v) => inputs.isValid('new', newName, v))
      if (value === undefined) {
        missing.push(`${title} body: no valid example; add one to NEW`)
        continue
      }
      const status = statusCode(sample.newStatus, operation.statuses)
      const expected = /^[1-5][0-9][0-9]$/.test(sample.oldStatus) ? Number(sample.oldStatus) : status
      responses.push({
        title: `${title} (${value.source} body)`,
        operation: operation.key,
        response: { status, headers: { 'content-type': sample.new.mediaType }, body: value.value },
        expect: { status: expected, schema: inputs.names.nameOf('old', sample.old.schema) as string, mediaType: sample.old.mediaType },
      })
    }
  }
  return { requests, responses, missing }
}
