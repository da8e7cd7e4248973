import type { DocumentSet, Node } from './document-set.js'
import type { SourceDocument } from './read-document.js'
import { mergeSchemas, type MergeContext } from './merge-schemas.js'
import type { Discriminator, Schema } from './model.js'
import { readKeywords } from './schema-keywords.js'
import { assignDraft, isNullOnly, newDraft, typeSet, withNull, type SchemaDraft } from './schema-draft.js'

export type SpecVersion = '2.0' | '3.0' | '3.1'

/** Keys next to a 3.1 `$ref` that do not change what it allows. */
const annotations = new Set(['description', 'title', 'summary', 'example', 'examples', 'externalDocs', '$comment', 'xml', '$id', '$schema', '$anchor'])

/**
 * Builds canonical `Schema`s: one object per definition (keyed by file and pointer, after following
 * `$ref`s), so every reference to a definition shares it and cycles end at the object under
 * construction. Version differences end here: 3.0 `nullable`, Swagger `x-nullable`, `type` arrays and
 * unions with a `null` branch all become `null` in `types`; boolean exclusive bounds become numbers;
 * `const` becomes a one-value enum; `allOf` members that merge exactly are merged.
 *
 * @example
 * const schemas = new SchemaBuilder(docs, '3.0')
 * const pet = schemas.build(docs.child(components, 'Pet'))
 */
export class SchemaBuilder implements MergeContext {
  /** Keyed by the parsed value itself: one object per place in a file, and cheaper than a path key. */
  private readonly built = new Map<object, SchemaDraft>()
  private readonly builtAsParameter = new Map<object, SchemaDraft>()
  private readonly renameHints = new Map<SourceDocument, boolean>()
  private lastId = 0

  constructor(
    private readonly docs: DocumentSet,
    readonly version: SpecVersion,
  ) {}

  nextId(): number {
    return ++this.lastId
  }

  /** A schema gets its id when it is complete (ids are in post-order), so 0 marks one still being built. */
  isBuilding(schema: Schema): boolean {
    return schema.id === 0
  }

  /**
   * The schema at a node (following `$ref`s). `parameter` reads a Swagger 2 parameter, header or
   * items object as a schema: its `required` is a boolean about the parameter, not a property list.
   */
  build(start: Node, parameter = false): Schema {
    let node = start
    let name: string | undefined
    let siblingRef = this.docs.isRef(node.value)
    if (siblingRef && !(this.version === '3.1' && this.hasConstraints(node.value as object))) {
      // Hop by hop, to name the schema after the first component on the way (DigitalOcean's
      // components are $refs to files). Pointers from $refs are flat strings: cheap to match.
      for (let hops = 0; this.docs.isRef(node.value); hops++) {
        if (hops === 64) throw this.docs.error(start, 'circular $ref')
        node = this.docs.follow(node)
        name ??= componentName(node.pointer)
      }
      siblingRef = false
    }
    const memo = parameter ? this.builtAsParameter : this.built
    const key = typeof node.value === 'object' && node.value !== null ? node.value : undefined
    const known = key === undefined ? undefined : memo.get(key)
    if (known !== undefined) return known
    const draft = newDraft(0, this.docs.sourceRef(node), name)
    if (key !== undefined) memo.set(key, draft)
    this.fill(draft, node, parameter, siblingRef) // an error here ends the whole load, so nothing to undo
    draft.id = this.nextId()
    return draft
  }

  /** A schema assembled by the loader (a Swagger 2 form body), not read from one place. */
  synthetic(node: Node, fill: (draft: SchemaDraft) => void): Schema {
    const draft = newDraft(this.nextId(), this.docs.sourceRef(node))
    fill(draft)
    return draft
  }

  /** Whether a file may hold `x-rollsafe-renamed-from` at all (most hold none: skip the lookups). */
  mayDeclareRenames(doc: SourceDocument): boolean {
    let mentions = this.renameHints.get(doc)
    if (mentions === undefined) {
      mentions = doc.text.includes('x-rollsafe-renamed-from')
      this.renameHints.set(doc, mentions)
    }
    return mentions
  }

  private hasConstraints(value: object): boolean {
    return Object.keys(value).some((key) => key !== '$ref' && !annotations.has(key) && !key.startsWith('x-'))
  }

  /** `siblingRef`: a 3.1 `$ref` with constraints beside it, merged with its target like an `allOf`. */
  private fill(draft: SchemaDraft, node: Node, parameter: boolean, siblingRef: boolean): void {
    if (typeof node.value === 'boolean' && this.version === '3.1') {
      if (!node.value) draft.not = this.synthetic(node, () => undefined)
      return
    }
    const nullableFlag = readKeywords(this.docs, node, this, parameter, draft)
    const members = draft.allOf
    draft.allOf = undefined
    if (siblingRef) this.mergeMembers(draft, [this.build(this.docs.follow(node)), ...(members ?? [])])
    else if (members !== undefined && members.length > 0) this.mergeMembers(draft, members)
    const nullable = this.mergeSingleBranch(draft, 'oneOf') || this.mergeSingleBranch(draft, 'anyOf')
    if (nullableFlag || nullable) {
      draft.types = withNull(draft.types)
      if (nullableFlag && draft.enum !== undefined && !draft.enum.includes(null)) draft.enum = [...draft.enum, null]
    }
    if (draft.enum?.includes(null)) draft.types = withNull(draft.types)
    if (draft.discriminator !== undefined) draft.discriminator = this.withImplicitMapping(draft, draft.discriminator)
  }

  /** Merges `allOf` members that merge exactly; the others stay in `allOf`. */
  private mergeMembers(draft: SchemaDraft, members: ReadonlyArray<Schema>): void {
    const leftovers: Schema[] = []
    for (const member of members) {
      const merged = mergeSchemas(draft, member, this)
      if (merged === undefined) leftovers.push(member)
      else assignDraft(draft, merged)
    }
    if (leftovers.length > 0) draft.allOf = [...(draft.allOf ?? []), ...leftovers]
  }

  /**
   * `oneOf: [X, {type: 'null'}]` (and a lone `anyOf: [X]`) is X, maybe nullable: merged into the
   * owner when exact. Returns whether a null branch was dropped.
   */
  private mergeSingleBranch(draft: SchemaDraft, key: 'oneOf' | 'anyOf'): boolean {
    const branches = draft[key]
    if (branches === undefined) return false
    const others = branches.filter((branch) => !isNullOnly(branch))
    const hadNull = others.length < branches.length
    if (others.length === 0) {
      draft[key] = undefined
      draft.types = hadNull ? typeSet(['null']) : draft.types
      return false
    }
    if (others.length > 1) return false
    const rest = newDraft(draft.id, draft.ref)
    assignDraft(rest, draft)
    rest[key] = undefined
    const merged = mergeSchemas(rest, others[0] as Schema, this)
    if (merged === undefined) return false
    assignDraft(draft, merged)
    return hadNull
  }

  private withImplicitMapping(draft: SchemaDraft, discriminator: Discriminator): Discriminator {
    const mapping = new Map(discriminator.mapping)
    for (const branch of [...(draft.oneOf ?? []), ...(draft.anyOf ?? [])]) {
      if (branch.name !== undefined && !mapping.has(branch.name)) mapping.set(branch.name, placeOf(branch))
    }
    return { propertyName: discriminator.propertyName, mapping }
  }
}

/** `Pet` for `/components/schemas/Pet` and `/definitions/Pet` (in any file); string tests, no regex (runs per `$ref` hop). */
function componentName(pointer: string): string | undefined {
  const start = pointer.startsWith('/components/schemas/') ? 20 : pointer.startsWith('/definitions/') ? 13 : -1
  if (start === -1 || start === pointer.length || pointer.indexOf('/', start) !== -1) return undefined
  const name = pointer.slice(start)
  return name.indexOf('~') === -1 ? name : name.replace(/~1/g, '/').replace(/~0/g, '~')
}

/** How a discriminator mapping names its target: its pointer. */
function placeOf(schema: Schema): string {
  return schema.ref.pointer ?? ''
}
