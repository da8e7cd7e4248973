import type { ErrorObject } from 'ajv'

/** One schema violation, said in words: where (a path, maybe a key in it) and what is wrong. */
export interface SchemaProblem {
  /** Segments of the value's JSON pointer: `['ignore', '0', 'expires']`. */
  readonly path: ReadonlyArray<string>
  /** For a bad key (unknown, or not a rule id): the key, so the message points at it. */
  readonly key?: string
  /** `ignore[0].expires: must be a date YYYY-MM-DD, not '2026/01/01'`. */
  readonly message: string
}

const typeNames: Readonly<Record<string, string>> = {
  string: 'a string',
  array: 'a list',
  object: 'an object (key: value pairs)',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
}

/** Keywords that say exactly what is wrong, preferred over a type or `anyOf` mismatch at the same depth. */
const specific = new Set(['additionalProperties', 'required', 'enum', 'pattern', 'minLength', 'minimum', 'maximum'])

function segmentsOf(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/**
 * A JSON pointer's segments as a reader would write the path.
 *
 * @example displayPath(['ignore', '0', 'expires']) // 'ignore[0].expires'
 */
export function displayPath(path: ReadonlyArray<string>): string {
  return path.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value)
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '')
}

/**
 * A known key that `key` was probably meant to be: same letters up to case and `-`/`_`, or a plural slip.
 *
 * @example suggestKey('fail-on', ['api', 'failOn']) // 'failOn'
 */
export function suggestKey(key: string, known: ReadonlyArray<string>): string | undefined {
  const wanted = normalizeKey(key)
  return known.find((k) => {
    const candidate = normalizeKey(k)
    if (candidate === wanted) return true
    const [short, long] = candidate.length < wanted.length ? [candidate, wanted] : [wanted, candidate]
    return long.length - short.length === 1 && long.startsWith(short)
  })
}

function rank(error: ErrorObject): number {
  // A bad key under `propertyNames` also raises the inner `pattern` error: name the key instead.
  if (error.keyword === 'propertyNames') return -1
  return specific.has(error.keyword) ? 0 : error.keyword === 'anyOf' ? 1 : 2
}

function describe(error: ErrorObject): { what: string; key?: string } {
  const params = error.params as Record<string, unknown>
  const description = (error.parentSchema as { description?: string } | undefined)?.description
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty'])
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {})
      const suggestion = suggestKey(key, known)
      return { key, what: `unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}` }
    }
    case 'propertyNames': {
      const key = String(params['propertyName'])
      return { key, what: `'${key}' is not a rule id (kebab-case, like 'column-dropped')` }
    }
    case 'required':
      return { what: `missing key '${String(params['missingProperty'])}'` }
    case 'enum':
      return { what: `must be one of ${(params['allowedValues'] as unknown[]).join(', ')}, not ${shown(error.data)}` }
    case 'type':
      return {
        what: `must be ${typeNames[String(params['type'])] ?? String(params['type'])}, not ${shown(error.data)}`,
      }
    case 'minLength':
      return { what: 'must not be empty' }
    case 'minimum':
      return { what: `must be at least ${String(params['limit'])}, not ${shown(error.data)}` }
    case 'maximum':
      return { what: `must be at most ${String(params['limit'])}, not ${shown(error.data)}` }
    case 'pattern':
    case 'anyOf':
      if (description !== undefined) return { what: `must be ${description}, not ${shown(error.data)}` }
      return { what: error.message ?? 'is not valid' }
    default:
      return { what: error.message ?? 'is not valid' }
  }
}

/**
 * Turns ajv's errors (compiled with `verbose: true`) into the one problem worth showing: the
 * deepest, and at that depth the most specific (a missing or unknown key beats "must be a
 * string" from the other branch of an `anyOf`).
 *
 * @example explainSchemaError(validate.errors) // { path: ['failOn'], message: "failOn: must be one of …" }
 */
export function explainSchemaError(errors: ReadonlyArray<ErrorObject>): SchemaProblem {
  const depth = (e: ErrorObject): number => segmentsOf(e.instancePath).length
  const deepest = Math.max(...errors.map(depth))
  const candidates = errors.filter((e) => depth(e) === deepest)
  const [chosen] = [...candidates].sort((a, b) => rank(a) - rank(b))
  if (chosen === undefined) return { path: [], message: 'is not a valid rollsafe config' }
  const path = segmentsOf(chosen.instancePath)
  const { what, key } = describe(chosen)
  const where = displayPath(path)
  return { path, ...(key === undefined ? {} : { key }), message: where === '' ? what : `${where}: ${what}` }
}
