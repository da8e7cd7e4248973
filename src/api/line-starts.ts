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
export function positionAt(starts: Uint32Array, offset: number): Position {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] as number) <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - (starts[low] as number) + 1 }
}
