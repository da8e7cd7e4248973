import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pointerSegments } from '../../api/json-pointer.js'
import { parseSource } from '../../api/read-document.js'
import type { SourceRef } from '../../core/source-ref.js'

/**
 * The documents of one version as written, for what the model leaves out: `x-rollsafe-*`
 * extensions and examples. Files are read on first use and parsed as the loader parses them.
 */
export interface RawDocuments {
  /** The value at a place, `undefined` when the file or pointer does not exist. */
  at(ref: SourceRef, ...below: ReadonlyArray<string>): unknown
}

/**
 * Raw access to the files of the document rooted at `rootFile` (as the user named it; other files
 * are named relative to its folder, as `SourceRef.file` names them).
 *
 * @example
 * const raw = rawDocuments('api/v2.yaml')
 * raw.at(schema.ref, 'properties', 'title', 'x-rollsafe-renamed-from') // 'name'
 */
export function rawDocuments(rootFile: string): RawDocuments {
  const cache = new Map<string, unknown>()
  const load = (file: string): unknown => {
    if (cache.has(file)) return cache.get(file)
    const path = file === rootFile ? rootFile : resolve(dirname(rootFile), file)
    let value: unknown
    try {
      value = parseSource(file, path, readFileSync(path, 'utf8')).value
    } catch {
      value = undefined // remote or unreadable: the loader already reported what matters
    }
    cache.set(file, value)
    return value
  }
  return {
    at(ref, ...below) {
      let node = load(ref.file)
      for (const segment of [...pointerSegments((ref.pointer ?? '').replace(/^#/, '')), ...below]) {
        if (typeof node !== 'object' || node === null) return undefined
        node = (node as Record<string, unknown>)[segment]
      }
      return node
    },
  }
}

/** An own string-keyed object, or `undefined`. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}
