import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { ParseResult, ScanResult } from 'libpg-query'

/** The two calls rollsafe makes into libpg-query. */
export interface PgQuery {
  parseSync(text: string): ParseResult
  scanSync(text: string): ScanResult
}

/** The parts of libpg-query's Emscripten module its own `parseSync` and `scanSync` use. */
interface WasmModule {
  /** The WebAssembly memory as bytes; replaced when the memory grows, so read it after each allocation. */
  readonly HEAPU8: Uint8Array
  lengthBytesUTF8(text: string): number
  stringToUTF8(text: string, pointer: number, size: number): void
  UTF8ToString(pointer: number): string
  getValue(pointer: number, type: 'i32'): number
  _malloc(size: number): number
  _free(pointer: number): void
  _wasm_parse_query_raw(query: number): number
  _wasm_free_parse_result(result: number): void
  _wasm_scan(query: number): number
  _wasm_free_string(pointer: number): void
}

type Factory = (options: {
  instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void): WebAssembly.Exports
}) => Promise<WasmModule>

const used = [
  'lengthBytesUTF8', 'stringToUTF8', 'UTF8ToString', 'getValue', '_malloc', '_free',
  '_wasm_parse_query_raw', '_wasm_free_parse_result', '_wasm_scan', '_wasm_free_string',
] as const

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
 * Copies `text` into the module's memory as a NUL-terminated UTF-8 string for the duration of `use`.
 * TextEncoder writes it in one native call where Emscripten's `stringToUTF8` loops over every character
 * in JavaScript (a migration is often tens of kilobytes). Texts with lone surrogates, which the two encode
 * differently, keep Emscripten's encoding.
 */
function withText<T>(module: WasmModule, text: string, use: (pointer: number) => T): T {
  // String.prototype.isWellFormed (Node 20) is not in the TypeScript library this project targets.
  const wellFormed = (text as string & { isWellFormed(): boolean }).isWellFormed()
  const size = (wellFormed ? Buffer.byteLength(text, 'utf8') : module.lengthBytesUTF8(text)) + 1
  const pointer = module._malloc(size)
  try {
    if (wellFormed) {
      const heap = module.HEAPU8
      const { written } = encoder.encodeInto(text, heap.subarray(pointer, pointer + size - 1))
      heap[pointer + written] = 0
    } else module.stringToUTF8(text, pointer, size)
    return use(pointer)
  } finally {
    module._free(pointer)
  }
}

/** The NUL-terminated UTF-8 string at `pointer` (libpg-query's JSON output): found and decoded natively. */
function readText(module: WasmModule, pointer: number): string {
  const heap = module.HEAPU8
  const end = heap.indexOf(0, pointer)
  return decoder.decode(heap.subarray(pointer, end === -1 ? heap.length : end))
}

// These two functions do what libpg-query 18's own parseSync and scanSync do (wasm/index.cjs).
function parseWith(module: WasmModule, text: string): ParseResult {
  return withText(module, text, (query) => {
    const result = module._wasm_parse_query_raw(query)
    if (!result) throw new Error('Failed to parse query: memory allocation failed')
    try {
      const tree = module.getValue(result, 'i32')
      const error = module.getValue(result + 8, 'i32')
      if (error) {
        const messagePointer = module.getValue(error, 'i32')
        const message = messagePointer ? module.UTF8ToString(messagePointer) : 'Unknown error'
        const cursor = module.getValue(error + 16, 'i32')
        throw new SqlError(message, { message, cursorPosition: cursor > 0 ? cursor - 1 : 0 })
      }
      if (!tree) throw new Error('No parse tree generated')
      return JSON.parse(readText(module, tree)) as ParseResult
    } finally {
      module._wasm_free_parse_result(result)
    }
  })
}

function scanWith(module: WasmModule, text: string): ScanResult {
  return withText(module, text, (query) => {
    const result = module._wasm_scan(query)
    try {
      const out = result ? readText(module, result) : ''
      if (out.startsWith('syntax error') || out.startsWith('deparse error') || out.startsWith('ERROR')) throw new Error(out)
      return JSON.parse(out) as ScanResult
    } finally {
      if (result) module._wasm_free_string(result)
    }
  })
}

/**
 * libpg-query's parser, instantiated from its Emscripten module with a synchronous compile. The
 * package's entry starts an asynchronous compile when it is imported, which costs a short CLI run
 * about ten milliseconds more. Falls back to the package's entry when the module does not have
 * the layout this was written for (another libpg-query version).
 *
 * @example
 * const pg = await loadPgQuery()
 * pg.parseSync('select 1').stmts?.length // 1
 */
export async function loadPgQuery(): Promise<PgQuery> {
  const require = createRequire(import.meta.url)
  let module: WasmModule | undefined
  try {
    const factory = require('libpg-query/wasm/libpg-query.js') as Factory
    const binary = readFileSync(require.resolve('libpg-query/wasm/libpg-query.wasm'))
    module = await factory({
      instantiateWasm(imports, receive) {
        const instance = new WebAssembly.Instance(new WebAssembly.Module(binary), imports)
        receive(instance)
        return instance.exports
      },
    })
  } catch {
    module = undefined
  }
  const loaded = module
  if (loaded === undefined || !used.every((name) => typeof loaded[name] === 'function')) {
    const pgQuery = await import('libpg-query')
    await pgQuery.loadModule()
    return pgQuery
  }
  return { parseSync: (text) => parseWith(loaded, text), scanSync: (text) => scanWith(loaded, text) }
}
