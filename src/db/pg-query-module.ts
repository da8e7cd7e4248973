import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { ParseResult, ScanResult } from 'libpg-query'
import { instantiateParser, readGlueLayout, type ParserInstance } from './pg-query-runtime.js'

/** The two calls rollsafe makes into libpg-query. */
export interface PgQuery {
  parseSync(text: string): ParseResult
  scanSync(text: string): ScanResult
}

/** A parse error as libpg-query's `parseSync` throws it: the message and a 0-based cursor position. */
class SqlError extends Error {
  constructor(message: string, readonly sqlDetails: { readonly message: string; readonly cursorPosition: number }) {
    super(message)
    this.name = 'SqlError'
  }
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * Emscripten's `stringToUTF8`, kept for texts with lone surrogates: it writes each one as a
 * three-byte sequence where TextEncoder writes U+FFFD, and libpg-query's own API does the former.
 */
function writeWtf8(text: string, heap: Uint8Array, pointer: number): number {
  let at = pointer
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!
    if (code <= 0x7f) heap[at++] = code
    else if (code <= 0x7ff) {
      heap[at++] = 0xc0 | (code >> 6)
      heap[at++] = 0x80 | (code & 63)
    } else if (code <= 0xffff) {
      heap[at++] = 0xe0 | (code >> 12)
      heap[at++] = 0x80 | ((code >> 6) & 63)
      heap[at++] = 0x80 | (code & 63)
    } else {
      heap[at++] = 0xf0 | (code >> 18)
      heap[at++] = 0x80 | ((code >> 12) & 63)
      heap[at++] = 0x80 | ((code >> 6) & 63)
      heap[at++] = 0x80 | (code & 63)
      i++
    }
  }
  return at - pointer
}

/**
 * Copies `text` into the parser's memory as a NUL-terminated UTF-8 string for the duration of
 * `use`: in one native call (TextEncoder) unless the text has lone surrogates.
 */
function withText<T>(parser: ParserInstance, text: string, use: (pointer: number) => T): T {
  // String.prototype.isWellFormed (Node 20) is not in the TypeScript library this project targets.
  const wellFormed = (text as string & { isWellFormed(): boolean }).isWellFormed()
  // A lone surrogate takes three bytes, as a character of the Basic Multilingual Plane does.
  const size = Buffer.byteLength(text, 'utf8') + 1
  const pointer = parser.malloc(size)
  try {
    const heap = parser.heap
    const written = wellFormed ? encoder.encodeInto(text, heap.subarray(pointer, pointer + size - 1)).written : writeWtf8(text, heap, pointer)
    heap[pointer + written] = 0
    return use(pointer)
  } finally {
    parser.free(pointer)
  }
}

/** The NUL-terminated UTF-8 string at `pointer` (libpg-query's JSON output): found and decoded natively. */
function readText(parser: ParserInstance, pointer: number): string {
  const heap = parser.heap
  const end = heap.indexOf(0, pointer)
  return decoder.decode(heap.subarray(pointer, end === -1 ? heap.length : end))
}

function readInt32(parser: ParserInstance, pointer: number): number {
  const heap = parser.heap
  return new DataView(heap.buffer, heap.byteOffset).getInt32(pointer, true)
}

// These two functions do what libpg-query 18's own parseSync and scanSync do (wasm/index.cjs).
function parseWith(parser: ParserInstance, text: string): ParseResult {
  return withText(parser, text, (query) => {
    const result = parser.parseQueryRaw(query)
    if (!result) throw new Error('Failed to parse query: memory allocation failed')
    try {
      const tree = readInt32(parser, result)
      const error = readInt32(parser, result + 8)
      if (error) {
        const messagePointer = readInt32(parser, error)
        const message = messagePointer ? readText(parser, messagePointer) : 'Unknown error'
        const cursor = readInt32(parser, error + 16)
        throw new SqlError(message, { message, cursorPosition: cursor > 0 ? cursor - 1 : 0 })
      }
      if (!tree) throw new Error('No parse tree generated')
      return JSON.parse(readText(parser, tree)) as ParseResult
    } finally {
      parser.freeParseResult(result)
    }
  })
}

function scanWith(parser: ParserInstance, text: string): ScanResult {
  return withText(parser, text, (query) => {
    const result = parser.scan(query)
    try {
      const out = result ? readText(parser, result) : ''
      if (out.startsWith('syntax error') || out.startsWith('deparse error') || out.startsWith('ERROR')) throw new Error(out)
      return JSON.parse(out) as ScanResult
    } finally {
      if (result) parser.freeString(result)
    }
  })
}

/** libpg-query's WebAssembly parser on rollsafe's small runtime; undefined when its glue has another layout. */
function loadDirect(): ParserInstance | undefined {
  try {
    const require = createRequire(import.meta.url)
    const gluePath = require.resolve('libpg-query/wasm/libpg-query.js')
    const layout = readGlueLayout(readFileSync(gluePath, 'latin1'))
    if (layout === undefined) return undefined
    return instantiateParser(readFileSync(gluePath.replace(/\.js$/, '.wasm')) as Uint8Array<ArrayBuffer>, layout)
  } catch {
    return undefined
  }
}

/**
 * libpg-query's parser, instantiated synchronously on the runtime of pg-query-runtime.ts: the
 * package's entry compiles asynchronously and builds an Emscripten runtime the parser does not
 * need, about fifteen milliseconds more of a short CLI run. Falls back to the package's entry when
 * the module does not have the layout this was written for (another libpg-query version).
 *
 * @example
 * const pg = await loadPgQuery()
 * pg.parseSync('select 1').stmts?.length // 1
 */
export async function loadPgQuery(): Promise<PgQuery> {
  const parser = loadDirect()
  if (parser === undefined) {
    const pgQuery = await import('libpg-query')
    await pgQuery.loadModule()
    return pgQuery
  }
  return { parseSync: (text) => parseWith(parser, text), scanSync: (text) => scanWith(parser, text) }
}
