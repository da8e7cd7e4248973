import { resolve } from 'node:path'
import { inputError } from '../core/errors.js'
import { buildModel } from './build-model.js'
import type { SpecVersion } from './build-schema.js'
import { DocumentSet } from './document-set.js'
import { loadReferencedFiles } from './load-referenced-files.js'
import type { ApiModel } from './model.js'
import { readDocument, type ReadText, type SourceDocument } from './read-document.js'
import { validateOfficialSchema } from './validate-official-schema.js'

export interface LoadApiOptions {
  /** Allow `$ref`s to http(s) URLs; off by default. */
  readonly allowRemoteRefs?: boolean
  /** How findings and errors name the file; the path as given by default. Referenced files are named relative to it. */
  readonly name?: string
  /** Reads the document and the files it references (by absolute path) instead of the file system. */
  readonly readText?: ReadText
  /** Also validate against the official OpenAPI JSON Schema (swagger-parser); slower, off by default. */
  readonly validate?: boolean
}

/**
 * Loads, checks and normalizes one OpenAPI 2.0/3.0/3.1 document (YAML or JSON, with `$ref`s to
 * other files in its folder tree). Bad input is an `InputError` naming the file, line and column.
 *
 * @example
 * const model = await loadApi('specs/v2/openapi.yaml')
 * model.operations.get('GET /pets/{}')?.responses.get('200')
 */
export async function loadApi(file: string, options: LoadApiOptions = {}): Promise<ApiModel> {
  const root = await readDocument(options.name ?? file, resolve(file), options.readText)
  const version = specVersionOf(root)
  const referenced = hasExternalRefs(root) ? await loadReferencedFiles(root, options) : []
  const documents = new DocumentSet(root, referenced)
  if (options.validate && options.readText === undefined) await validateOfficialSchema(resolve(file), documents)
  try {
    return buildModel(documents, version)
  } catch (error) {
    // Building recurses as deep as inline nesting and chains of first-seen $refs go (40 levels in
    // Stripe); a document deep enough to exhaust the stack is refused rather than crashing.
    if (error instanceof RangeError) throw inputError(root.file, 'schemas nest too deeply to load')
    throw error
  }
}

/** Which OpenAPI version a document is, from its `openapi` or `swagger` field. */
export function specVersionOf(root: SourceDocument): SpecVersion {
  const value = root.value as { openapi?: unknown; swagger?: unknown } | null
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw inputError(root.file, 'not an OpenAPI document (expected an object with an openapi or swagger field)', 1, 1)
  }
  const declared = value.openapi ?? value.swagger
  const field = value.openapi === undefined ? 'swagger' : 'openapi'
  if (declared === undefined) throw inputError(root.file, 'not an OpenAPI document (no openapi or swagger field)', 1, 1)
  const match = /^(?:(2\.0)|(3\.[01])\.\d+(?:-.+)?)$/.exec(String(declared))
  const version = match?.[1] ?? match?.[2]
  if (version === undefined || typeof declared !== 'string' || (field === 'swagger') !== (version === '2.0')) {
    const place = new DocumentSet(root).locate({ file: root.file, pointer: `/${field}` })
    throw inputError(root.file, `unsupported ${field} version ${JSON.stringify(declared)} (2.0, 3.0.x and 3.1.x are)`, place?.line, place?.column)
  }
  return version as SpecVersion
}

/**
 * Whether the text has a `$ref` that is not a local `#...` one. Errs towards yes (then the resolver
 * simply finds nothing to read); a self-contained document skips the resolver's walk of the whole
 * tree, which is most of the cost of loading a large one twice.
 */
function hasExternalRefs(root: SourceDocument): boolean {
  return root.format === 'json' ? /"\$ref"\s*:\s*"(?!#)/.test(root.text) : /\$ref['"]?\s*:\s*(?!['"]?#)/.test(root.text)
}
