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
  readonly byteLength: number
}

export function sqlText(text: string): SqlText {
  const bytes = Buffer.from(text, 'utf8')
  const ascii = bytes.length === text.length
  const lineStarts: number[] = [0]
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lineStarts.push(i + 1)
  const lineOf = (offset: number): number => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  return {
    text,
    byteLength: bytes.length,
    place(byteOffset) {
      const offset = Math.max(0, Math.min(byteOffset, bytes.length))
      const line = lineOf(offset)
      const start = lineStarts[line] ?? 0
      const column = ascii ? offset - start : [...bytes.subarray(start, offset).toString('utf8')].length
      return { line: line + 1, column: column + 1 }
    },
    slice(startByte, endByte) {
      if (ascii) return text.slice(startByte, endByte)
      return bytes.subarray(startByte, endByte ?? bytes.length).toString('utf8')
    },
    byteOf(charOffset) {
      return ascii ? charOffset : Buffer.byteLength(text.slice(0, charOffset), 'utf8')
    },
  }
}

/** Skips whitespace and comments between two byte offsets; returns the offset of the next token. */
export function skipTrivia(text: SqlText, byteOffset: number, endByte?: number): number {
  const rest = text.slice(byteOffset, endByte)
  let i = 0
  for (;;) {
    while (i < rest.length && /\s/.test(rest[i] ?? '')) i++
    if (rest.startsWith('--', i)) {
      const end = rest.indexOf('\n', i)
      i = end === -1 ? rest.length : end + 1
    } else if (rest.startsWith('/*', i)) {
      const end = rest.indexOf('*/', i + 2)
      i = end === -1 ? rest.length : end + 2
    } else break
  }
  return byteOffset + Buffer.byteLength(rest.slice(0, i), 'utf8')
}
