import type { ApiModel, Schema } from '../../api/model.js'
import type { TypeRef, Version } from './adapter-plan.js'
import { createNameAllocator, pascalCase, typeNameFor, type NameAllocator } from './names.js'
import { reachableSchemas, unnamedCycles } from './schema-graph.js'

/**
 * The type name of every schema that has one, per version: each component, unnamed schemas on a
 * cycle, and unnamed schemas a converter takes or returns (named after where they sit).
 */
export interface TypeNames {
  /** The schemas reachable from each version's operations. */
  readonly schemas: Readonly<Record<Version, ReadonlyArray<Schema>>>
  nameOf(version: Version, schema: Schema): string | undefined
  /** The schema's name, giving it `base` (made unique) when it has none. */
  ensure(version: Version, schema: Schema, base: string): TypeRef
  /** Names two unnamed schemas of a pair alike when both are free: `V1.PetOwner`, `V2.PetOwner`. */
  ensurePair(before: Schema, after: Schema, base: string): readonly [TypeRef, TypeRef]
  /** Named schemas of a version in the order their declarations are written (sorted by name). */
  declarations(version: Version): ReadonlyArray<readonly [name: string, schema: Schema]>
}

function byPlace(a: Schema, b: Schema): number {
  const x = `${a.name ?? ''}\u0000${a.ref.file}\u0000${a.ref.pointer ?? ''}`
  const y = `${b.name ?? ''}\u0000${b.ref.file}\u0000${b.ref.pointer ?? ''}`
  return x < y ? -1 : x > y ? 1 : 0
}

/** `#/paths/~1pets/get/responses/200/content/…/properties/children` → `PetsGet200Children`-ish. */
function baseFromPointer(schema: Schema): string {
  const tokens = (schema.ref.pointer ?? '')
    .split('/')
    .filter((token) => !/^(#|paths|components|schemas|definitions|content|schema|properties|items|responses)?$/.test(token))
  return pascalCase(tokens.slice(-3).join(' ').replace(/~1/g, ' ')) + 'Shape'
}

export function createTypeNames(old: ApiModel, next: ApiModel): TypeNames {
  const schemas = { old: reachableSchemas(old), new: reachableSchemas(next) }
  const names = { old: new Map<Schema, string>(), new: new Map<Schema, string>() }
  const allocators: Record<Version, NameAllocator> = { old: createNameAllocator(), new: createNameAllocator() }
  for (const version of ['old', 'new'] as const) {
    const named = schemas[version].filter((schema) => schema.name !== undefined).sort(byPlace)
    for (const schema of named) names[version].set(schema, allocators[version].take(typeNameFor(schema.name as string)))
    const cyclic = [...unnamedCycles(schemas[version])].sort(byPlace)
    for (const schema of cyclic) names[version].set(schema, allocators[version].take(baseFromPointer(schema)))
  }
  const ensure = (version: Version, schema: Schema, base: string): TypeRef => {
    let name = names[version].get(schema)
    if (name === undefined) {
      name = allocators[version].take(base)
      names[version].set(schema, name)
    }
    return { version, name }
  }
  return {
    schemas,
    nameOf: (version, schema) => names[version].get(schema),
    ensure,
    ensurePair(before, after, base) {
      if (!names.old.has(before) && !names.new.has(after)) {
        let candidate = base
        for (let n = 2; allocators.old.has(candidate) || allocators.new.has(candidate); n++) candidate = `${base}${n}`
        return [ensure('old', before, candidate), ensure('new', after, candidate)]
      }
      return [ensure('old', before, base), ensure('new', after, base)]
    },
    declarations(version) {
      return [...names[version]].map(([schema, name]) => [name, schema] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    },
  }
}
