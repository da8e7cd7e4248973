import type { SourceRef } from '../../core/source-ref.js'
import type { JsonType, Schema } from '../model.js'

let nextId = 1

/** What a test states about a schema; everything else takes the canonical default. */
export interface SchemaSpec extends Partial<Omit<Schema, 'id' | 'types' | 'properties' | 'required' | 'enum'>> {
  readonly type?: JsonType | ReadonlyArray<JsonType>
  readonly properties?: Readonly<Record<string, Schema>>
  readonly required?: ReadonlyArray<string>
  readonly enum?: ReadonlyArray<unknown>
  /** Sets `ref.pointer` (test-only shorthand). */
  readonly at?: string
}

/**
 * A canonical `Schema` for unit tests, as the loader would produce it. Test-only: real models come
 * from `loadApi`.
 *
 * @example
 * const pet = schema({ type: 'object', properties: { name: schema({ type: 'string' }) }, required: ['name'] })
 */
export function schema(spec: SchemaSpec = {}): Schema {
  const { type, properties, required, at, ref, ...rest } = spec
  const types = type === undefined ? undefined : new Set<JsonType>(typeof type === 'string' ? [type] : type)
  const place: SourceRef = ref ?? { file: 'test.yaml', pointer: at ?? (rest.name === undefined ? `/inline/${nextId}` : `/components/schemas/${rest.name}`) }
  return {
    id: nextId++,
    ref: place,
    bounds: {},
    uniqueItems: false,
    additionalProperties: true,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    hasDefault: spec.default !== undefined,
    ...rest,
    ...(types === undefined ? {} : { types }),
    properties: new Map(Object.entries(properties ?? {})),
    required: new Set(required ?? []),
  }
}

/** Adds a property after creation, for recursive schemas (`node.next = node`). */
export function link(parent: Schema, name: string, child: Schema): void {
  ;(parent.properties as Map<string, Schema>).set(name, child)
}

/** Sets array items after creation, for recursive schemas. */
export function linkItems(parent: Schema, items: Schema): void {
  ;(parent as { items?: Schema }).items = items
}
