import type { MediaType } from '../../api/model.js'
import { asRecord, type RawDocuments } from './raw-document.js'
import { synthesizeValue } from './synthesize-value.js'

/** Where a test value came from: the document's own example, or made up from the schema. */
export type ExampleSource = 'example' | 'synthesized'

/** The examples a document gives for a body: the media type's, then its schema's. */
function documentExamples(media: MediaType, raw: RawDocuments): unknown[] {
  const out: unknown[] = []
  const single = raw.at(media.ref, 'example')
  if (single !== undefined) out.push(single)
  const named = asRecord(raw.at(media.ref, 'examples'))
  for (const key of Object.keys(named ?? {}).sort()) {
    const value = asRecord(named?.[key])?.['value']
    if (value !== undefined) out.push(value)
  }
  if (media.schema !== undefined) {
    const schemaExample = raw.at(media.schema.ref, 'example')
    if (schemaExample !== undefined) out.push(schemaExample)
    const list = raw.at(media.schema.ref, 'examples')
    if (Array.isArray(list)) out.push(...(list as unknown[]))
  }
  return out
}

/**
 * A body value for a generated test that is valid against its own version's schema: the first
 * valid example in the document, else one synthesized from the schema; `undefined` when neither
 * is valid (the test is then left out and ADAPTER.md says so).
 *
 * @example
 * pickExample(media, raw, (value) => validate(value)) // { value: { id: 7, name: 'Rex' }, source: 'example' }
 */
export function pickExample(
  media: MediaType,
  raw: RawDocuments,
  isValid: (value: unknown) => boolean,
): { readonly value: unknown; readonly source: ExampleSource } | undefined {
  for (const value of documentExamples(media, raw)) if (isValid(value)) return { value, source: 'example' }
  if (media.schema === undefined) return undefined
  const value = synthesizeValue(media.schema)
  return isValid(value) ? { value, source: 'synthesized' } : undefined
}
