/** Where and why a JSON text is malformed. */
export interface JsonSyntaxError {
  readonly offset: number
  readonly message: string
}

const WS = new Set([0x20, 0x0a, 0x0d, 0x09])

/**
 * Finds the first syntax error in a JSON text, or `undefined` when it is well-formed. Used only
 * after `JSON.parse` failed, because V8's messages do not always carry a position.
 *
 * @example
 * findJsonSyntaxError('{"a": 1,}') // { offset: 8, message: 'expected a property name' }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0
  const fail = (message: string, at = i): never => {
    throw { offset: at, message } satisfies JsonSyntaxError
  }
  const skip = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++
  }
  const found = (): string => (i >= text.length ? 'end of input' : `'${text[i]}'`)
  const string = (): void => {
    i++ // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string')
      const c = text.charCodeAt(i)
      if (c === 0x22) break
      if (c < 0x20) fail('control character in string')
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape')
          i += 6
          continue
        }
        if (e === undefined || '"\\/bfnrt'.indexOf(e) === -1) fail('bad escape in string')
        i += 2
        continue
      }
      i++
    }
    i++
  }
  const literal = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (m && m[0].length > 0) {
      i += m[0].length
      return
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return
      }
    }
    fail(`unexpected ${found()}`)
  }
  const value = (): void => {
    skip()
    const c = text[i]
    if (c === '{') {
      i++
      skip()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        skip()
        if (text[i] !== '"') fail(`expected a property name, found ${found()}`)
        string()
        skip()
        if (text[i] !== ':') fail(`expected ':', found ${found()}`)
        i++
        value()
        skip()
        if (text[i] === ',') i++
        else if (text[i] === '}') {
          i++
          return
        } else fail(`expected ',' or '}', found ${found()}`)
      }
    }
    if (c === '[') {
      i++
      skip()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value()
        skip()
        if (text[i] === ',') i++
        else if (text[i] === ']') {
          i++
          return
        } else fail(`expected ',' or ']', found ${found()}`)
      }
    }
    if (c === '"') return string()
    literal()
  }
  try {
    value()
    skip()
    if (i < text.length) fail(`unexpected ${found()} after the document`)
    return undefined
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as JsonSyntaxError
    throw error
  }
}
