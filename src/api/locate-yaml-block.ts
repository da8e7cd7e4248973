import type { Position } from './line-starts.js'

/** Where a container's entries start: its first line and the column its entries are indented to. */
interface Block {
  readonly line: number
  readonly column: number
}

/**
 * Finds a pointer's place in block-style YAML (what OpenAPI files are) by indentation alone, line by
 * line, without building a tree: mapping members at their key, sequence items after their dash.
 * Gives `undefined` when the path goes through anything it does not read (flow collections,
 * anchors, tags, explicit keys), so the caller can ask a full YAML parser instead; a path that
 * goes past what exists gives its deepest existing ancestor, like the JSON locator.
 *
 * @example
 * const lines = 'a:\n  - b: 1\n'.split('\n')
 * locateInBlockYaml(lines, ['a', '0', 'b']) // { line: 2, column: 5 }
 */
export function locateInBlockYaml(lines: ReadonlyArray<string>, segments: ReadonlyArray<string>): Position | undefined {
  const first = nextContent(lines, 0)
  if (first === -1) return { line: 1, column: 1 }
  let block: Block = { line: first, column: indentOf(lines[first] as string) }
  let place: Position = { line: first + 1, column: block.column + 1 }
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string
    const found = isDash(lines[block.line] as string, block.column) ? item(lines, block, segment) : member(lines, block, segment)
    if (found === 'unreadable') return undefined
    if (found === 'absent') return place
    place = found.place
    if (i === segments.length - 1 || found.next === 'leaf') return place
    if (found.next === 'unreadable') return undefined
    block = found.next
  }
  return place
}

/** What a value is: a container to descend into, a scalar (nothing below), or something to leave to a parser. */
type Next = Block | 'leaf' | 'unreadable'
type Found = 'absent' | 'unreadable' | { readonly place: Position; readonly next: Next }

function isDash(text: string, column: number): boolean {
  return text.charCodeAt(column) === 0x2d && (column + 1 >= text.length || /\s/.test(text[column + 1] as string))
}

/** The `index`-th item of a block sequence. */
function item(lines: ReadonlyArray<string>, block: Block, segment: string): Found {
  const wanted = Number(segment)
  if (!Number.isInteger(wanted) || wanted < 0) return 'absent'
  let count = -1
  for (let line = block.line; line < lines.length; line = nextContent(lines, line + 1)) {
    if (line === -1) break
    const text = lines[line] as string
    const indent = line === block.line ? block.column : indentOf(text)
    if (indent < block.column) break
    if (indent > block.column) continue
    if (!isDash(text, indent)) break
    if (++count < wanted) continue
    const content = firstNonSpace(text, indent + 1)
    if (content === -1) {
      const next = childBlock(lines, line, block.column)
      const at = typeof next === 'object' ? { line: next.line + 1, column: next.column + 1 } : { line: line + 1, column: indent + 1 }
      return { place: at, next }
    }
    return { place: { line: line + 1, column: content + 1 }, next: inlineBlock(text, content, line) }
  }
  return 'absent'
}

/** The member `key` of a block mapping. */
function member(lines: ReadonlyArray<string>, block: Block, segment: string): Found {
  let open: string | undefined // the quote of a value still open from an earlier line
  for (let line = block.line; line < lines.length; line = nextContent(lines, line + 1)) {
    if (line === -1) break
    const text = lines[line] as string
    if (open !== undefined) {
      if (closesQuote(text, 0, open) !== -1) open = undefined
      continue
    }
    const indent = line === block.line ? block.column : indentOf(text)
    if (indent < block.column) break
    if (indent > block.column) continue
    if (isDash(text, indent)) continue // a sequence written at its key's indent: the previous key's value
    if (text.startsWith('? ', indent)) return 'unreadable'
    const key = readKey(text, indent)
    if (key === undefined) continue // a continuation line at the same indent (Harbor's quoted descriptions)
    const value = firstNonSpace(text, key.end + 1)
    const quote = value === -1 ? undefined : text[value]
    if ((quote === '"' || quote === "'") && closesQuote(text, value + 1, quote) === -1) open = quote
    if (key.name !== segment) continue
    const place = { line: line + 1, column: indent + 1 }
    if (value === -1 || text[value] === '#') return { place, next: childBlock(lines, line, block.column, true) }
    return { place, next: inlineBlock(text, value, line) }
  }
  return 'absent'
}

/** A value that starts on its key's (or dash's) line: a mapping (`- name: x`), or a scalar. */
function inlineBlock(text: string, column: number, line: number): Next {
  const c = text[column] as string
  if ('[{&*!'.includes(c)) return 'unreadable'
  if (c === '|' || c === '>') return 'leaf'
  return readKey(text, column) === undefined ? 'leaf' : { line, column }
}

/** The container on the lines after `line`: more indented, or a sequence at the same indent. */
function childBlock(lines: ReadonlyArray<string>, line: number, indent: number, sameIndentSequence = false): Next {
  const next = nextContent(lines, line + 1)
  if (next === -1) return 'leaf'
  const text = lines[next] as string
  const column = indentOf(text)
  if (column > indent || (sameIndentSequence && column === indent && isDash(text, column))) {
    if ('[{&*!'.includes(text[column] as string)) return 'unreadable'
    return isDash(text, column) || readKey(text, column) !== undefined ? { line: next, column } : 'leaf'
  }
  return 'leaf'
}

/** A mapping key at `start` (plain, single- or double-quoted) and the offset of its colon. */
function readKey(text: string, start: number): { readonly name: string; readonly end: number } | undefined {
  const quote = text[start]
  if (quote === '"' || quote === "'") {
    const close = closesQuote(text, start + 1, quote)
    if (close === -1) return undefined
    const colon = firstNonSpace(text, close + 1)
    if (colon === -1 || text[colon] !== ':') return undefined
    const raw = text.slice(start + 1, close)
    const name = quote === "'" ? raw.replace(/''/g, "'") : (JSON.parse(`"${raw}"`) as string)
    return { name, end: colon }
  }
  const match = /^([^\s#'"[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/.exec(text.slice(start))
  if (match === null) return undefined
  return { name: match[1] as string, end: start + match[0].length - 1 }
}

/** The offset of the quote that closes a scalar opened before `from`, or -1. */
function closesQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++
      else return i
    }
  }
  return -1
}

function nextContent(lines: ReadonlyArray<string>, from: number): number {
  for (let line = from; line < lines.length; line++) {
    const text = lines[line] as string
    const start = firstNonSpace(text, 0)
    if (start === -1 || text[start] === '#' || (start === 0 && /^(?:%|(?:---|\.\.\.)\s*$)/.test(text))) continue
    return line
  }
  return -1
}

function indentOf(text: string): number {
  let i = 0
  while (text.charCodeAt(i) === 0x20) i++
  return i
}

function firstNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return i
  }
  return -1
}
