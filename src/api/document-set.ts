import { dirname, resolve as resolvePath } from 'node:path'
import { inputError, type InputError } from '../core/errors.js'
import type { SourceRef } from '../core/source-ref.js'
import { appendPointer, describePointer, fragmentPointer, pointerSegments } from './json-pointer.js'
import type { Position } from './line-starts.js'
import { jsonLocator, type PointerLocator } from './locate-json.js'
import { yamlLocator } from './locate-yaml.js'
import type { SourceDocument } from './read-document.js'

/** A value in one of the files, with the place it was read from. */
export interface Node {
  readonly doc: SourceDocument
  readonly pointer: string
  readonly value: unknown
}

const MAX_REF_HOPS = 64

/**
 * The root document and every file it references: follows `$ref`s, names places, and finds their
 * line and column (lazily, per file, only when asked).
 */
export class DocumentSet {
  readonly root: SourceDocument
  private readonly byPath = new Map<string, SourceDocument>()
  private readonly byFile = new Map<string, SourceDocument>()
  private readonly locators = new Map<SourceDocument, PointerLocator>()
  /** Targets by referring file and `$ref` text: large multi-file specs repeat the same refs a lot. */
  private readonly followed = new Map<SourceDocument, Map<string, Node>>()

  constructor(root: SourceDocument, referenced: ReadonlyArray<SourceDocument> = []) {
    this.root = root
    for (const doc of [root, ...referenced]) {
      this.byPath.set(doc.path, doc)
      if (!this.byFile.has(doc.file)) this.byFile.set(doc.file, doc)
    }
  }

  /** The root node: the whole root document. */
  top(): Node {
    return { doc: this.root, pointer: '', value: this.root.value }
  }

  /** `node.value[key]` with its pointer. */
  child(node: Node, key: string | number): Node {
    const value = node.value as Record<string | number, unknown> | undefined
    return { doc: node.doc, pointer: appendPointer(node.pointer, key), value: value?.[key] }
  }

  sourceRef(node: Node): SourceRef {
    return { file: node.doc.file, pointer: node.pointer }
  }

  /** `file:line:col: where: what` for a node. */
  error(node: Node, what: string): InputError {
    return this.errorAt(node.doc, node.pointer, `${describePointer(node.pointer)}: ${what}`)
  }

  /** An error placed at a pointer of a file (by path), for the resolver's refusals. */
  errorAtPath(path: string, pointer: string, what: string): InputError {
    const doc = this.byPath.get(path) ?? this.root
    return this.errorAt(doc, `${pointer}/$ref`, what)
  }

  /** Line and column of a place in any of the files; `undefined` for files not loaded here. */
  locate(ref: SourceRef): Position | undefined {
    const doc = this.byFile.get(ref.file)
    return doc === undefined ? undefined : this.locateIn(doc, ref.pointer ?? '')
  }

  /** Whether the value is a reference object (`{ $ref: '...' }`). */
  isRef(value: unknown): value is { readonly $ref: string } {
    return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string'
  }

  /** Follows `$ref`s until a value that is not one; the result is where the value is defined. */
  deref(node: Node): Node {
    let current = node
    for (let hops = 0; this.isRef(current.value); hops++) {
      if (hops === MAX_REF_HOPS) throw this.error(node, `circular $ref '${current.value.$ref}'`)
      current = this.follow(current)
    }
    return current
  }

  /** The target of one `$ref` (which may itself be a `$ref`). */
  follow(node: Node): Node {
    const ref = (node.value as { $ref: string }).$ref
    let known = this.followed.get(node.doc)
    if (known === undefined) {
      known = new Map()
      this.followed.set(node.doc, known)
    }
    let target = known.get(ref)
    if (target === undefined) {
      target = this.resolve(node, ref)
      known.set(ref, target)
    }
    return target
  }

  private resolve(node: Node, ref: string): Node {
    const hash = ref.indexOf('#')
    const target = hash === -1 ? ref : ref.slice(0, hash)
    const pointer = hash === -1 ? '' : fragmentPointer(ref.slice(hash))
    const doc = target === '' ? node.doc : this.byPath.get(this.targetPath(node.doc, target))
    if (doc === undefined) throw this.refError(node, ref)
    // Walk the values only; the pointer is the fragment itself (a flat string, cheap to use as a
    // key or match) unless the walk passes through another $ref.
    let current: Node = { doc, pointer: '', value: doc.value }
    let crossed = false
    for (const segment of pointerSegments(pointer)) {
      if (this.isRef(current.value)) {
        current = this.deref(current)
        crossed = true
      }
      const container = current.value
      if (typeof container !== 'object' || container === null || !Object.hasOwn(container, segment)) {
        throw this.refError(node, ref)
      }
      const value = (container as Record<string, unknown>)[segment]
      current = crossed ? this.child(current, segment) : { doc: current.doc, pointer: '', value }
    }
    if (current.value === undefined) throw this.refError(node, ref)
    return crossed ? current : { doc, pointer, value: current.value }
  }

  private refError(node: Node, ref: string): InputError {
    return this.errorAt(node.doc, appendPointer(node.pointer, '$ref'), `$ref '${ref}' not found`)
  }

  private targetPath(doc: SourceDocument, target: string): string {
    if (/^https?:\/\//i.test(target)) return target
    if (/^https?:\/\//i.test(doc.path)) return new URL(target, doc.path).href
    let decoded = target.replace(/^file:\/\//i, '')
    try {
      decoded = decodeURIComponent(decoded)
    } catch {
      // keep it as written
    }
    return resolvePath(dirname(doc.path), decoded)
  }

  private errorAt(doc: SourceDocument, pointer: string, what: string): InputError {
    const place = this.locateIn(doc, pointer)
    return inputError(doc.file, what, place?.line, place?.column)
  }

  private locateIn(doc: SourceDocument, pointer: string): Position | undefined {
    let locator = this.locators.get(doc)
    if (locator === undefined) {
      locator = doc.format === 'json' ? jsonLocator(doc.text) : yamlLocator(doc.text)
      this.locators.set(doc, locator)
    }
    return locator(pointer)
  }
}
