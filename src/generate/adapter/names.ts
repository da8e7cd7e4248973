const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/

const reserved = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield any boolean never number object string ' +
    'symbol unknown undefined bigint type namespace module declare abstract as async await keyof readonly infer is'
  ).split(' '),
)

/** Whether `text` can be written as a bare identifier (and a type name) without quoting. */
export function isIdentifier(text: string): boolean {
  return identifierPattern.test(text) && !reserved.has(text)
}

/**
 * A property key as TypeScript source: bare when it is an identifier, else single-quoted.
 *
 * @example
 * propertyKey('name') // 'name'
 * propertyKey('pet-id') // "'pet-id'"
 */
export function propertyKey(name: string): string {
  return identifierPattern.test(name) ? name : quote(name)
}

/** A single-quoted string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`
}

/**
 * Words of any spelling joined in PascalCase; never empty, never starting with a digit.
 *
 * @example
 * pascalCase('pet_owner-info') // 'PetOwnerInfo'
 * pascalCase('2XX') // 'N2XX'
 */
export function pascalCase(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
  const joined = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')
  if (joined === '') return 'Unnamed'
  return /^[0-9]/.test(joined) ? `N${joined}` : joined
}

/** `createPet` from `CreatePet`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text)
  return pascal.charAt(0).toLowerCase() + pascal.slice(1)
}

/** A type name for a component: kept as written when it is already an identifier, else PascalCase. */
export function typeNameFor(componentName: string): string {
  return isIdentifier(componentName) ? componentName : pascalCase(componentName)
}

/**
 * Hands out unique names: the first request for `Pet` gets `Pet`, the next `Pet2`, then `Pet3`.
 * Callers ask in a fixed order, so the result is deterministic.
 */
export interface NameAllocator {
  take(base: string): string
  has(name: string): boolean
}

export function createNameAllocator(taken: Iterable<string> = []): NameAllocator {
  const used = new Set(taken)
  return {
    take(base) {
      let name = base
      for (let n = 2; used.has(name) || reserved.has(name); n++) name = `${base}${n}`
      used.add(name)
      return name
    },
    has: (name) => used.has(name),
  }
}

/**
 * A JSON value as a TypeScript expression, strings single-quoted, object keys in their order.
 *
 * @example
 * literal({ a: ['x', 1, null] }) // "{ a: ['x', 1, null] }"
 */
export function literal(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'string') return quote(value)
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined'
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${propertyKey(key)}: ${literal(item)}`)
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
}

/** A response status in a function name: `200`, `2XX`, `Default`. */
export function statusName(status: string): string {
  return /^[0-9]/.test(status) ? status.toUpperCase() : pascalCase(status)
}
