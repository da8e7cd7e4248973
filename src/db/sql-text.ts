/**
 * Byte offsets (what libpg-query reports: `stmt_location` counts UTF-8 bytes) turned into lines,
 * columns and text slices of the JavaScript string.
 *
 * @example
 * const text = sqlText('-- é\nselect 1')
 * text.place(6) // { line: 2, column: 1 }
 */
export interface SqlText {
  readonly text: string
  /** 1-based line and column (in characters) of a byte offset. */
  place(byteOffset: number): { readonly line: number; readonly column: number }
  /** The text between two byte offsets. */
  slice(startByte: number, endByte?: number): string
  /** Byte offset of a character offset (for positions found in the string). */
  byteOf(charOffset: number): number
  /** Character offset (string index) of a byte offset. */
  charOf(byteOffset: number): number
  readonly byteLength: number
}

function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function lineIndex(starts: ReadonlyArray<number>, offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] ?? 0) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

export function sqlText(text: string): SqlText {
  const byteLength = Buffer.byteLength(text, 'utf8')
  // Most migrations are ASCII: bytes and string indexes coincide and no buffer is needed.
  const ascii = byteLength === text.length
  const bytes = ascii ? undefined : Buffer.from(text, 'utf8')
  // Non-ASCII text: one table from byte offset to string index, built once (offsets inside a
  // character map to the character's start).
  let table: Int32Array | undefined
  const charOf = (byte: number): number => {
    if (bytes === undefined) return byte
    if (table === undefined) {
      table = new Int32Array(byteLength + 1)
      let b = 0
      for (let i = 0; i < text.length; i++) {
        const code = text.codePointAt(i) ?? 0
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
        for (let k = 0; k < size; k++) table[b + k] = i
        b += size
        if (code > 0xffff) i++
      }
      table[byteLength] = text.length
    }
    return table[Math.max(0, Math.min(byte, byteLength))] ?? text.length
  }
  const starts = lineStartsOf(text)
  return {
    text,
    byteLength,
    place(byteOffset) {
      const offset = charOf(Math.max(0, Math.min(byteOffset, byteLength)))
      const line = lineIndex(starts, offset)
      const start = starts[line] ?? 0
      const column = ascii ? offset - start : [...text.slice(start, offset)].length
      return { line: line + 1, column: column + 1 }
    },
    slice(startByte, endByte) {
      if (bytes === undefined) return text.slice(startByte, endByte)
      return bytes.subarray(startByte, endByte ?? byteLength).toString('utf8')
    },
    byteOf(charOffset) {
      return ascii ? charOffset : Buffer.byteLength(text.slice(0, charOffset), 'utf8')
    },
    charOf,
  }
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13)
}

/** Skips whitespace and comments between two byte offsets; returns the offset of the next token. */
export function skipTrivia(source: SqlText, byteOffset: number, endByte?: number): number {
  const text = source.text
  const end = endByte === undefined ? text.length : source.charOf(endByte)
  let i = source.charOf(byteOffset)
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++
    if (text.startsWith('--', i)) {
      const next = text.indexOf('\n', i)
      i = next === -1 || next > end ? end : next + 1
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2)
      i = close === -1 || close > end ? end : close + 2
    } else break
  }
  return source.byteOf(Math.min(i, end))
}
