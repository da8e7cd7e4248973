/** A 1-based line and column. */
export interface Position {
  readonly line: number
  readonly column: number
}

/** Offsets where each line of `text` starts (the first is 0). */
export function lineStarts(text: string): Uint32Array {
  let count = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++
  const starts = new Uint32Array(count)
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1
  return starts
}

/**
 * The line and column (1-based, in UTF-16 units) of an offset.
 *
 * @example
 * positionAt(lineStarts('a\nbc'), 3) // { line: 2, column: 2 }
 */
export function positionAt(starts: ArrayLike<number>, offset: number, count = starts.length): Position {
  let low = 0
  let high = count - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] as number) <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 }
}

/**
 * Line and column lookups that find line starts only as far into the text as asked: findings
 * rarely point near the end of a large file, and many runs locate nothing at all.
 *
 * @example
 * const lines = lineIndex('a\nbc')
 * lines(3) // { line: 2, column: 2 }
 */
export function lineIndex(text: string): (offset: number) => Position {
  const starts: number[] = [0]
  let scanned = 0 // every line start at or below this offset is in `starts`
  return (offset) => {
    while (scanned < offset) {
      const newline = text.indexOf('\n', scanned)
      if (newline === -1) {
        scanned = text.length
        break
      }
      starts.push(newline + 1)
      scanned = newline + 1
    }
    return positionAt(starts, offset)
  }
}
