import type { ApiChange, SchemaChange } from './change.js'
import { labelOf } from './diff-operations.js'
import { createSchemaDiffer, type SchemaDiffer } from './diff-schemas.js'
import type { ApiModel, Operation, Schema } from './model.js'
import type { RelativeChange } from './relative-change.js'
import { canonicalJson } from './canonical-json.js'
import { isNarrowing } from './narrowing.js'
import { namedSchemasReturned, successSchema } from './returned-schemas.js'
import { ShapeIndex } from './shape-index.js'

/** Where a value read from B may be sent back to A: one request body media type of A. */
interface WriteSite {
  readonly operation: Operation
  readonly mediaType: string
  readonly schema: Schema
}

/** What B returns that may be echoed to a write site, and A's own counterpart (the baseline). */
interface ReadSource {
  readonly readOperation: string
  readonly returned: Schema
  readonly baseline?: Schema
}

function writeSites(model: ApiModel): WriteSite[] {
  const sites: WriteSite[] = []
  for (const key of [...model.operations.keys()].sort()) {
    const operation = model.operations.get(key) as Operation
    const content = operation.requestBody?.content ?? new Map()
    for (const mediaType of [...content.keys()].sort()) {
      const schema = content.get(mediaType)?.schema
      if (schema !== undefined) sites.push({ operation, mediaType, schema })
    }
  }
  return sites
}

/** The sources of one write site: the GET on the same path, then B's responses holding its component. */
function sourcesOf(site: WriteSite, a: ApiModel, b: ApiModel, returnedByB: ReturnType<typeof namedSchemasReturned>): ReadSource[] {
  const sources: ReadSource[] = []
  const { operation, mediaType, schema } = site
  if (operation.method === 'PUT' || operation.method === 'PATCH') {
    const readKey = `GET ${operation.key.slice(operation.key.indexOf(' ') + 1)}`
    const returned = b.operations.get(readKey)
    const fromB = returned && successSchema(returned, mediaType)
    if (fromB !== undefined) {
      const ownRead = a.operations.get(readKey)
      const baseline = ownRead && successSchema(ownRead, mediaType)
      sources.push({ readOperation: readKey, returned: fromB, ...(baseline === undefined ? {} : { baseline }) })
    }
  }
  const named = schema.name === undefined ? undefined : returnedByB.get(schema.name)
  if (named !== undefined && !sources.some((source) => source.returned === named.schema)) {
    sources.push({ readOperation: named.operation, returned: named.schema, baseline: schema })
  }
  return sources
}

/** What identifies a change across the round trip and its baseline (their paths share a root). */
function keyOf(change: RelativeChange): string {
  const fields = change as unknown as Record<string, unknown>
  return [change.kind, change.path.join('\u0001'), fields.name, fields.keyword, canonicalJson(fields.value)].join('\u0000')
}

function mismatches(
  differs: { readonly trip: SchemaDiffer; readonly own: SchemaDiffer; readonly shapes: ShapeIndex },
  source: ReadSource,
  write: Schema,
): RelativeChange[] {
  // What B returns has the shape of A's own: B introduced nothing.
  if (source.baseline !== undefined && differs.shapes.same(source.returned, source.baseline)) return []
  const known = new Set(
    source.baseline === undefined ? [] : differs.own.diff(source.baseline, write).filter(isNarrowing).map(keyOf),
  )
  return differs.trip.diff(source.returned, write).filter((change) => isNarrowing(change) && !known.has(keyOf(change)))
}

/**
 * Mixed versions within one client's workflow: during a rollout a client reads a value from B and
 * writes it back to A. Where that can happen (a GET and a PUT/PATCH on one path, or one component
 * schema in B's responses and A's request body), B's response (response view) is compared with A's
 * request (request view) as request data, and each narrowing B introduced (one the same comparison
 * of A's own response does not show) is a `roundtrip-mismatch`.
 *
 * @example
 * diffRoundtrips(a, b) // B adds enum value `archived` to Pet.status, A's PUT /pets/{} rejects it
 */
export function diffRoundtrips(a: ApiModel, b: ApiModel, shapes: ShapeIndex = new ShapeIndex()): ReadonlyArray<ApiChange> {
  const out: ApiChange[] = []
  const differs = {
    trip: createSchemaDiffer({ before: 'response', after: 'request' }, shapes),
    own: createSchemaDiffer({ before: 'response', after: 'request' }, shapes),
    shapes,
  }
  const returnedByB = namedSchemasReturned(b, shapes)
  for (const site of writeSites(a)) {
    const writeOperation = site.operation.key
    const label = labelOf(site.operation)
    const seen = new Set<string>()
    for (const source of sourcesOf(site, a, b, returnedByB)) {
      for (const change of mismatches(differs, source, site.schema)) {
        const key = keyOf(change)
        if (seen.has(key)) continue
        seen.add(key)
        const inner = {
          ...change,
          operation: writeOperation,
          label,
          direction: 'request',
          subject: { kind: 'body', mediaType: site.mediaType },
        } as SchemaChange
        out.push({
          kind: 'roundtrip-mismatch',
          operation: writeOperation,
          label,
          direction: 'none',
          at: change.before.ref,
          readOperation: source.readOperation,
          writeOperation,
          readLabel: labelOf(b.operations.get(source.readOperation) as Operation),
          writeLabel: label,
          inner,
        })
      }
    }
  }
  return out
}
