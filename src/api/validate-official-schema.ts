import { inputError } from '../core/errors.js'
import type { DocumentSet } from './document-set.js'

interface SchemaError extends Error {
  readonly details?: ReadonlyArray<{ readonly instancePath?: string; readonly message?: string }>
}

/**
 * `--validate`: the document against the official OpenAPI 2.0/3.0/3.1 JSON Schema, through
 * swagger-parser. Off by default: it costs about 0.4 s on a document of Stripe's size, while the
 * model builder already refuses, with a place, everything the diff relies on. The first problem
 * becomes `file:line:col: what`; URLs are never fetched here (the loader decided about those).
 *
 * @example await validateOfficialSchema('openapi.yaml', documents) // throws InputError when invalid
 */
export async function validateOfficialSchema(path: string, documents: DocumentSet): Promise<void> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser')
  try {
    await SwaggerParser.validate(path, { resolve: { http: false }, validate: { schema: true, spec: true } })
  } catch (error) {
    const detail = (error as SchemaError).details?.[0]
    const pointer = detail?.instancePath ?? /#(\/\S*)/.exec((error as Error).message)?.[1]
    const file = documents.root.file
    const place = pointer === undefined ? undefined : documents.locate({ file, pointer })
    const what = detail?.message ?? (error as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(': ')
    throw inputError(file, `not valid against the official OpenAPI schema: ${pointer ?? ''} ${what}`.replace(/\s+/g, ' '), place?.line, place?.column)
  }
}
