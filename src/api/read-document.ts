import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type * as JsYaml from 'js-yaml'
import { inputError } from '../core/errors.js'
import { findJsonSyntaxError } from './json-syntax-error.js'
import { lineStarts, positionAt } from './line-starts.js'

export type SourceFormat = 'json' | 'yaml'

/** One parsed input file: the root document or a file it references. */
export interface SourceDocument {
  /** The name findings print: as the user gave it for the root, else relative to the root's folder. */
  readonly file: string
  /** Absolute path (or URL, for remote references): the identity of the file. */
  readonly path: string
  readonly text: string
  readonly value: unknown
  readonly format: SourceFormat
}

const require = createRequire(import.meta.url)
let jsYaml: typeof JsYaml | undefined

/**
 * Reads and parses a JSON or YAML file. Unreadable files and syntax errors are `InputError`s
 * (`file:line:col: what`).
 *
 * @example
 * const doc = await readDocument('specs/api.yaml', '/home/me/specs/api.yaml')
 */
export async function readDocument(file: string, path: string): Promise<SourceDocument> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw inputError(file, `cannot read the file (${describeIoError(error)})`)
  }
  return parseSource(file, path, text)
}

/** Parses text already read: JSON when it looks like JSON (or the name ends in `.json`), else YAML. */
export function parseSource(file: string, path: string, source: string): SourceDocument {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const isJsonName = /\.json$/i.test(path)
  if (isJsonName || /^\s*[{[]/.test(text)) {
    try {
      return { file, path, text, value: JSON.parse(text), format: 'json' }
    } catch (error) {
      if (isJsonName) throw jsonError(file, text, error)
    }
  }
  return { file, path, text, value: parseYaml(file, text), format: 'yaml' }
}

function jsonError(file: string, text: string, cause: unknown): Error {
  const found = findJsonSyntaxError(text)
  if (found === undefined) return inputError(file, `invalid JSON: ${(cause as Error).message}`)
  const { line, column } = positionAt(lineStarts(text), found.offset)
  return inputError(file, `invalid JSON: ${found.message}`, line, column)
}

function parseYaml(file: string, text: string): unknown {
  jsYaml ??= require('js-yaml') as typeof JsYaml
  try {
    // The JSON schema keeps dates and version numbers like 2.10 as written; as swagger-parser does,
    // fall back to the default schema for documents that use other tags.
    return jsYaml.load(text, { schema: jsYaml.JSON_SCHEMA, filename: file })
  } catch {
    try {
      return jsYaml.load(text, { filename: file })
    } catch (error) {
      const e = error as JsYaml.YAMLException
      const mark = e.mark as { line?: number; column?: number } | undefined
      const reason = e.reason ?? e.message
      if (mark?.line === undefined) return fail(inputError(file, `invalid YAML: ${reason}`))
      return fail(inputError(file, `invalid YAML: ${reason}`, mark.line + 1, (mark.column ?? 0) + 1))
    }
  }
}

function fail(error: Error): never {
  throw error
}

function describeIoError(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES') return 'permission denied'
  return code ?? String(error)
}
