/**
 * The few functions of an Emscripten runtime that libpg-query's parser needs, instead of its
 * generated glue (libpg-query.js): the glue also builds a virtual file system, terminals and
 * stream objects the parser never touches, several milliseconds of every short run. The glue
 * stays the source of truth for the module's layout: the minified import and export names are
 * read from its text, and when that text does not have the expected shape the caller uses the
 * package's own entry (src/db/pg-query-module.ts).
 */

/** Which function each minified import or export name stands for, as the glue assigns them. */
export interface GlueLayout {
  /** import name (`a`) → runtime function (`invoke_iii`) */
  readonly imports: ReadonlyMap<string, string>
  /** C symbol (`_malloc`) → export name (`C`) */
  readonly exports: ReadonlyMap<string, string>
  /** The export that runs the module's static constructors. */
  readonly constructors: string
}

/** Reads the layout from the glue's text; undefined when it is not the shape this was written for. */
export function readGlueLayout(glue: string): GlueLayout | undefined {
  const imports = /var wasmImports=\{([^}]*)\}/.exec(glue)?.[1]
  const exports = /function assignWasmExports\(wasmExports\)\{([^}]*)\}/.exec(glue)?.[1]
  const constructors = /function initRuntime\(\)\{[^}]*?wasmExports\["(\w+)"\]\(\)/.exec(glue)?.[1]
  if (imports === undefined || exports === undefined || constructors === undefined) return undefined
  const importNames = new Map<string, string>()
  for (const pair of imports.split(',')) {
    const [name, target] = pair.split(':')
    if (name === undefined || target === undefined) return undefined
    importNames.set(name, target)
  }
  const exportNames = new Map<string, string>()
  for (const m of exports.matchAll(/(\w+)=(?:\w+=)*(?:Module\["\w+"\]=)?wasmExports\["(\w+)"\]/g)) exportNames.set(m[1]!, m[2]!)
  return { imports: importNames, exports: exportNames, constructors }
}

/** The parser's memory and the C functions rollsafe calls. */
export interface ParserInstance {
  /** The memory's bytes; a new view after the memory grows, so read it after every call into C. */
  readonly heap: Uint8Array
  readonly malloc: (size: number) => number
  readonly free: (pointer: number) => void
  readonly parseQueryRaw: (query: number) => number
  readonly freeParseResult: (result: number) => void
  readonly scan: (query: number) => number
  readonly freeString: (pointer: number) => void
}

/** What a C `longjmp` (PostgreSQL's error exit from the parser) throws through JavaScript frames. */
class Longjmp {}

type Exported = (...args: number[]) => number
const required = ['_malloc', '_free', '_wasm_parse_query_raw', '_wasm_free_parse_result', '_wasm_scan', '_wasm_free_string',
  '_setThrew', '__emscripten_stack_restore', '_emscripten_stack_get_current', 'memory', '__indirect_function_table'] as const

/** The runtime functions behind the imports, by the names the glue gives them (`invoke_*` aside). */
function runtimeImports(instance: () => WebAssembly.Exports, name: (symbol: string) => string): Record<string, (...args: number[]) => unknown> {
  const memory = (): WebAssembly.Memory => instance()[name('memory')] as WebAssembly.Memory
  const fail = (what: string) => (): never => {
    throw new Error(`libpg-query: ${what}`)
  }
  return {
    ___assert_fail: fail('assertion failed'),
    __abort_js: fail('aborted'),
    _exit: fail('exit'),
    _proc_exit: fail('exit'),
    __emscripten_runtime_keepalive_clear: () => undefined,
    __emscripten_throw_longjmp: () => {
      throw new Longjmp()
    },
    // PostgreSQL's statement timeout: the parser never arms it.
    __setitimer_js: () => 0,
    // Emscripten's policy: grow by a fifth (at most 96 MiB more than asked), else by exactly what is asked.
    _emscripten_resize_heap: (requested: number) => {
      const wanted = requested >>> 0
      const buffer = memory().buffer.byteLength
      for (const size of [Math.max(wanted, Math.min(buffer * 1.2, wanted + 100_663_296)), wanted]) {
        try {
          memory().grow(Math.ceil((size - buffer) / 65_536))
          return 1
        } catch {
          // too much at once; try the exact size
        }
      }
      return 0
    },
    // The parser writes nothing to files; what C prints to stdout or stderr is dropped.
    _fd_write: (_fd: number, iov: number, count: number, written: number) => {
      const view = new DataView(memory().buffer)
      let total = 0
      for (let i = 0; i < count; i++) total += view.getUint32(iov + i * 8 + 4, true)
      view.setUint32(written, total, true)
      return 0
    },
    _fd_read: (_fd: number, _iov: number, _count: number, read: number) => {
      new DataView(memory().buffer).setUint32(read, 0, true)
      return 0
    },
    _fd_close: () => 0,
    _fd_seek: () => 70, // ESPIPE
  }
}

/**
 * Instantiates libpg-query's WebAssembly module with the runtime above (synchronously: a short
 * run cannot afford to wait for the event loop). Undefined when the layout names an import this
 * runtime does not provide or lacks an export rollsafe calls.
 */
export function instantiateParser(binary: Uint8Array<ArrayBuffer>, layout: GlueLayout): ParserInstance | undefined {
  if (!required.every((symbol) => layout.exports.has(symbol))) return undefined
  const name = (symbol: string): string => layout.exports.get(symbol)!
  let exports: WebAssembly.Exports | undefined
  const instance = (): WebAssembly.Exports => exports!
  const call = (symbol: string): Exported => instance()[name(symbol)] as Exported
  const runtime = runtimeImports(instance, name)
  // The functions invoke_* needs, looked up once the instance exists (invoke runs on most C calls
  // of the parser, so no lookups there); table entries are kept as Emscripten does.
  let stackSave: Exported, stackRestore: Exported, setThrew: Exported, table: WebAssembly.Table
  const functions: Array<(...args: number[]) => unknown> = []
  // invoke_<signature>: a call through the function table that a longjmp may leave; the C side
  // learns of it through setThrew. A `j` (64-bit) result must still be a BigInt then.
  const guarded = (afterLongjmp: undefined | bigint, run: () => unknown): unknown => {
    const stack = stackSave()
    try {
      return run()
    } catch (error) {
      stackRestore(stack)
      if (!(error instanceof Longjmp)) throw error
      setThrew(1, 0)
      return afterLongjmp
    }
  }
  const entry = (index: number): ((...args: number[]) => unknown) => (functions[index] ??= table.get(index))
  // One function per arity, with as many declared parameters as the import has: V8 calls such a
  // function from WebAssembly without adapting the arguments (rest parameters would cost that on
  // every call, and the parser makes many).
  const invoke = (target: string): ((...args: number[]) => unknown) => {
    const after = target.startsWith('invoke_j') ? 0n : undefined
    switch (target.length - 'invoke_'.length - 1) {
      case 0: return (f) => guarded(after, () => entry(f)())
      case 1: return (f, a) => guarded(after, () => entry(f)(a!))
      case 2: return (f, a, b) => guarded(after, () => entry(f)(a!, b!))
      case 3: return (f, a, b, c) => guarded(after, () => entry(f)(a!, b!, c!))
      case 4: return (f, a, b, c, d) => guarded(after, () => entry(f)(a!, b!, c!, d!))
      case 5: return (f, a, b, c, d, e) => guarded(after, () => entry(f)(a!, b!, c!, d!, e!))
      default: return (f, ...args) => guarded(after, () => entry(f!)(...args))
    }
  }
  const imports: Record<string, unknown> = {}
  for (const [importName, target] of layout.imports) {
    const fn = target.startsWith('invoke_') ? invoke(target) : runtime[target]
    if (fn === undefined) return undefined
    imports[importName] = fn
  }
  exports = new WebAssembly.Instance(new WebAssembly.Module(binary), { a: imports as WebAssembly.ModuleImports }).exports
  stackSave = call('_emscripten_stack_get_current')
  stackRestore = call('__emscripten_stack_restore')
  setThrew = call('_setThrew')
  table = instance()[name('__indirect_function_table')] as WebAssembly.Table
  ;(instance()[layout.constructors] as () => void)()
  const memory = instance()[name('memory')] as WebAssembly.Memory
  let view = new Uint8Array(memory.buffer)
  return {
    get heap() {
      if (view.buffer !== memory.buffer) view = new Uint8Array(memory.buffer)
      return view
    },
    malloc: call('_malloc'),
    free: call('_free'),
    parseQueryRaw: call('_wasm_parse_query_raw'),
    freeParseResult: call('_wasm_free_parse_result'),
    scan: call('_wasm_scan'),
    freeString: call('_wasm_free_string'),
  }
}
