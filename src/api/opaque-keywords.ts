import { canonicalJson } from './canonical-json.js'

/**
 * JSON Schema keywords the model carries without interpreting them: the diff can only tell whether
 * they changed. `additionalItems` is the draft 4–2019 form of `items` after a tuple.
 */
export const opaqueKeywords: ReadonlySet<string> = new Set([
  'if',
  'then',
  'else',
  'contains',
  'minContains',
  'maxContains',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'patternProperties',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contentSchema',
  'contentMediaType',
  'contentEncoding',
  'additionalItems',
])

/** Keywords whose value is a schema (or, for `items`, a list of them). */
const schemaValued = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contentSchema',
])
const schemaLists = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])
const schemaMaps = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'])
/** What a value may not be judged by: words for people, examples and tooling extensions. */
const annotations = new Set(['description', 'title', 'summary', 'example', 'examples', '$comment', 'externalDocs', 'xml'])

/**
 * The canonical JSON text of a keyword's value: object keys sorted, and in every schema it holds
 * the annotations (`description`, `example`, `x-…`) left out, so rewording a description is no
 * change. Nested `$ref`s stay as written.
 *
 * @example
 * keywordText('if', { description: 'a card', properties: { type: { const: 'card' } } })
 * // '{"properties":{"type":{"const":"card"}}}'
 */
export function keywordText(keyword: string, value: unknown): string {
  if (schemaValued.has(keyword)) return Array.isArray(value) ? listText(value) : schemaText(value)
  if (schemaLists.has(keyword)) return Array.isArray(value) ? listText(value) : canonicalJson(value)
  if (schemaMaps.has(keyword)) return mapText(value, schemaText)
  if (keyword === 'dependencies') return mapText(value, (entry) => (Array.isArray(entry) ? canonicalJson(entry) : schemaText(entry)))
  return canonicalJson(value)
}

function schemaText(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return canonicalJson(value)
  const record = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of Object.keys(record).sort()) {
    if (annotations.has(key) || key.startsWith('x-')) continue
    parts.push(`${JSON.stringify(key)}:${keywordText(key, record[key])}`)
  }
  return `{${parts.join(',')}}`
}

function listText(values: ReadonlyArray<unknown>): string {
  return `[${values.map(schemaText).join(',')}]`
}

function mapText(value: unknown, entryText: (entry: unknown) => string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return canonicalJson(value)
  const record = value as Record<string, unknown>
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${entryText(record[key])}`)
    .join(',')}}`
}
