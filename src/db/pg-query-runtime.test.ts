import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { readGlueLayout } from './pg-query-runtime.js'

const glue = readFileSync(createRequire(import.meta.url).resolve('libpg-query/wasm/libpg-query.js'), 'latin1')

describe('readGlueLayout', () => {
  it("reads the installed libpg-query's import and export names from its glue", () => {
    const layout = readGlueLayout(glue)
    expect(layout).toBeDefined()
    expect([...layout!.imports.values()]).toEqual(expect.arrayContaining(['invoke_iii', '_emscripten_resize_heap', '_fd_write']))
    for (const symbol of ['_malloc', '_free', '_wasm_parse_query_raw', '_wasm_scan', '_setThrew', 'memory', '__indirect_function_table']) {
      expect(layout!.exports.get(symbol), symbol).toMatch(/^\w+$/)
    }
    expect(layout!.constructors).toMatch(/^\w+$/)
  })

  it('gives up on a glue of another shape, so that the package entry is used', () => {
    expect(readGlueLayout('var Module = {}; function run() {}')).toBeUndefined()
    expect(readGlueLayout(glue.replace('var wasmImports=', 'var importObject='))).toBeUndefined()
  })
})
