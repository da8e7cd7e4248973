import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml'

/** A 1-based line and column in the config file. */
export interface Place {
  readonly line: number
  readonly column: number
}

interface Ranged {
  readonly range?: readonly [number, number, number] | null
}

function startOf(node: unknown, lines: LineCounter): Place | undefined {
  const range = (node as Ranged | null | undefined)?.range
  if (!range) return undefined
  const { line, col } = lines.linePos(range[0])
  return { line, column: col }
}

/**
 * Where the value at `path` starts in a parsed YAML (or JSON) document. With `key`, where that key
 * of the mapping at `path` is written instead: an unknown key is reported at the key itself. A
 * path that goes missing part-way gives the place of the deepest node that exists.
 *
 * @example placeOf(doc, lines, ['ignore', '0'], 'until') // { line: 7, column: 5 }
 */
export function placeOf(doc: Document, lines: LineCounter, path: ReadonlyArray<string>, key?: string): Place {
  let node: unknown = doc.contents
  let place = startOf(node, lines) ?? { line: 1, column: 1 }
  const steps = key === undefined ? path : [...path, key]
  for (const [index, step] of steps.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step)
      if (pair === undefined) break
      const isKeyWanted = key !== undefined && index === steps.length - 1
      place =
        (isKeyWanted ? startOf(pair.key, lines) : (startOf(pair.value, lines) ?? startOf(pair.key, lines))) ?? place
      node = pair.value
    } else if (isSeq(node)) {
      const item = node.items[Number(step)]
      if (item === undefined) break
      place = startOf(item, lines) ?? place
      node = item
    } else {
      break
    }
  }
  return place
}
