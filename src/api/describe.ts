import type { SchemaChange, Subject } from './change.js'
import type { JsonType, Parameter } from './model.js'

/** `items[].name`, `tags[0]`, `meta{}`, `pet.oneOf[1].kind` from the diff's property path. */
export function propertyPath(path: ReadonlyArray<string>): string {
  let out = ''
  for (const part of path) {
    if (part.startsWith('[') || part === '{}') out += part
    else out += out === '' ? part : `.${part}`
  }
  return out
}

function subjectPhrase(subject: Subject, status: string | undefined): string {
  const response = status === undefined ? '' : `response ${status} `
  switch (subject.kind) {
    case 'parameter':
      return `${subject.in} parameter \`${subject.name}\``
    case 'header':
      return `${response}header \`${subject.name}\``
    case 'body':
      return status === undefined ? 'request body' : `response ${status}`
  }
}

/** Words for the containers a subject's schema may open with (an array body, a map header). */
const containerWords: Readonly<Record<string, string>> = { '[]': 'items', '{}': 'additional properties' }

/**
 * Where a schema change sits, for messages: `request body property \`owner.name\``,
 * `response 200 property \`items[].id\``, `query parameter \`limit\``. Arrays and maps at the top
 * of the subject are named in words, since no property leads to them: `query parameter
 * \`include\` items`, `response 200 items property \`owner\`` (not property `[].owner`),
 * `response 200 items of items` for an array of arrays.
 */
export function describeSite(change: Pick<SchemaChange, 'subject' | 'status' | 'path'>): string {
  const { path } = change
  let lead = 0
  while (lead < path.length && containerWords[path[lead] as string] !== undefined) lead++
  const words = path.slice(0, lead).map((segment) => containerWords[segment] as string).reverse()
  const containers = words.length === 0 ? '' : ` ${words.join(' of ')}`
  const rest = lead === path.length ? '' : ` property \`${propertyPath(path.slice(lead))}\``
  return `${subjectPhrase(change.subject, change.status)}${containers}${rest}`
}

/** `query parameter \`limit\``, `header parameter \`x-request-id\``. */
export function describeParameter(parameter: Pick<Parameter, 'in' | 'name'>): string {
  return subjectPhrase({ kind: 'parameter', in: parameter.in, name: parameter.name }, undefined)
}

/** A value as it would appear in the document, in backticks: `"archived"` → `` `archived` ``. */
export function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return `\`${text}\``
}

/** Several values, each in backticks: `` `a`, `b` ``, or `` `api_key` + `session` `` with `' + '`. */
export function formatValues(values: ReadonlyArray<unknown>, separator = ', '): string {
  return values.map(formatValue).join(separator)
}

/** `string`, `integer or string`, `any` for an unconstrained type set. */
export function formatTypes(types: ReadonlySet<JsonType> | undefined): string {
  if (types === undefined || types.size === 0) return 'any'
  return [...types].sort().join(' or ')
}

/** `GET /pets/{petId}: <fact>` — every API message starts with the operation as written. */
export function messageFor(change: { readonly label: string }, fact: string): string {
  return `${change.label}: ${fact}`
}
