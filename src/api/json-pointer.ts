/**
 * JSON pointers (RFC 6901) as the loader writes them: `/paths/~1pets/get`, no leading `#`.
 *
 * @example
 * appendPointer('/paths', '/pets') // '/paths/~1pets'
 * pointerSegments('/paths/~1pets') // ['paths', '/pets']
 */
export function appendPointer(pointer: string, key: string | number): string {
  const text = String(key)
  if (text.indexOf('~') === -1 && text.indexOf('/') === -1) return `${pointer}/${text}`
  return `${pointer}/${text.replace(/~/g, '~0').replace(/\//g, '~1')}`
}

/** The unescaped segments of a pointer; `''` (the whole document) has none. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : []
  return pointer
    .slice(pointer.startsWith('/') ? 1 : 0)
    .split('/')
    .map((s) => (s.indexOf('~') === -1 ? s : s.replace(/~1/g, '/').replace(/~0/g, '~')))
}

/**
 * The pointer of a `$ref` fragment (`#/components/schemas/Pet` → `/components/schemas/Pet`),
 * percent-decoded as URI fragments are.
 */
export function fragmentPointer(fragment: string): string {
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment
  if (raw.indexOf('%') === -1) return raw
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** A readable place for messages: `/paths/~1pets/get` → `paths./pets.get`; the root is `(root)`. */
export function describePointer(pointer: string): string {
  const segments = pointerSegments(pointer)
  return segments.length === 0 ? '(root)' : segments.join('.')
}
