import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'
import { pointerSegments } from './json-pointer.js'
import type { PointerLocator } from './locate-json.js'
import { locateInBlockYaml } from './locate-yaml-block.js'

const require = createRequire(import.meta.url)
let yaml: typeof Yaml | undefined

/**
 * A locator for a YAML text. Block-style paths (nearly all of an OpenAPI file) are found by
 * indentation, line by line; anything else falls back to the `yaml` package's source-mapped
 * document, built on first need (it costs a few hundred milliseconds on a large file). Values were
 * parsed by js-yaml, which also accepts some texts `yaml` flags as errors (Harbor's multi-line
 * single-quoted descriptions whose continuation lines are not indented): both paths cope, and a
 * pointer that cannot be followed gives the place of its deepest ancestor that can.
 *
 * @example
 * yamlLocator('a:\n  b: 1\n')('/a/b') // { line: 2, column: 3 }
 */
export function yamlLocator(text: string): PointerLocator {
  let lines: string[] | undefined
  const parsed = parsedYamlLocator(text)
  return (pointer) => {
    lines ??= text.split('\n')
    return locateInBlockYaml(lines, pointerSegments(pointer)) ?? parsed(pointer)
  }
}

/** The slow, general path: the `yaml` package's document with a line counter. */
export function parsedYamlLocator(text: string): PointerLocator {
  let located: { readonly document: Yaml.Document; readonly counter: Yaml.LineCounter } | undefined
  return (pointer) => {
    if (located === undefined) {
      yaml ??= require('yaml') as typeof Yaml
      const counter = new yaml.LineCounter()
      const document = yaml.parseDocument(text, { lineCounter: counter, keepSourceTokens: false, uniqueKeys: false })
      located = { document, counter }
    }
    const { document, counter } = located
    const lib = yaml as typeof Yaml
    let node: unknown = document.contents
    let place = (node as Yaml.Node | null)?.range?.[0] ?? 0
    for (const segment of pointerSegments(pointer)) {
      if (lib.isAlias(node)) node = node.resolve(document)
      if (lib.isMap(node)) {
        const pair = node.items.find((item) => keyText(lib, item.key) === segment)
        if (pair === undefined) break
        place = (pair.key as Yaml.Node | null)?.range?.[0] ?? place
        node = pair.value
      } else if (lib.isSeq(node)) {
        const item = node.items[Number(segment)] as Yaml.Node | undefined
        if (item === undefined || item === null) break
        place = item.range?.[0] ?? place
        node = item
      } else {
        break
      }
    }
    const { line, col } = counter.linePos(place)
    return { line, column: col }
  }
}

function keyText(lib: typeof Yaml, key: unknown): string | undefined {
  if (lib.isScalar(key)) return String(key.value)
  return typeof key === 'string' ? key : undefined
}
