import { describe, expect, it } from 'vitest'
import { InputError } from '../core/errors.js'
import { findJsonSyntaxError } from './json-syntax-error.js'
import { jsonLocator } from './locate-json.js'
import { locateInBlockYaml } from './locate-yaml-block.js'
import { parsedYamlLocator, yamlLocator } from './locate-yaml.js'
import { pointerSegments } from './json-pointer.js'
import { parseSource } from './read-document.js'

const json = `{
  "paths": {
    "/a/{id}": {
      "get": { "tags": ["x", {"deep": [1, 2]}], "summary": "braces } ] { [ and \\"quotes\\"" },
      "put": {
        "responses": { "200": { "description": "ok" } }
      }
    },
    "we~ird/key": { "esc\\u0061ped": true }
  },
  "list": [ {"a": 1},
    {"b": [ [], {} ]}
  ]
}`

describe('jsonLocator', () => {
  const locate = jsonLocator(json)

  it('finds object members at their key, array elements at their value', () => {
    expect(locate('')).toEqual({ line: 1, column: 1 })
    expect(locate('/paths')).toEqual({ line: 2, column: 3 })
    expect(locate('/paths/~1a~1{id}/put')).toEqual({ line: 5, column: 7 })
    expect(locate('/paths/~1a~1{id}/put/responses/200/description')).toEqual({ line: 6, column: 33 })
    expect(locate('/paths/~1a~1{id}/get/tags/1/deep/1')).toEqual({ line: 4, column: 43 })
    expect(locate('/list/1/b/1')).toEqual({ line: 12, column: 17 })
  })

  it('skips strings holding brackets and escaped quotes, and reads escaped keys', () => {
    expect(locate('/paths/we~0ird~1key/escaped')).toEqual({ line: 9, column: 21 })
  })

  it('gives the deepest existing ancestor for a pointer past the document', () => {
    expect(locate('/paths/~1a~1{id}/get/nothing/here')).toEqual({ line: 4, column: 7 })
    expect(locate('/list/7')).toEqual({ line: 11, column: 3 })
  })
})

describe('yamlLocator', () => {
  const yaml = `openapi: 3.0.0
paths:
  /a/{id}:
    get:
      tags: [x, y]
      responses:
        '200':
          description: ok
list:
  - a: 1
  - b:
      - c
`

  it('finds mapping members at their key, sequence items at their value', () => {
    const locate = yamlLocator(yaml)
    expect(locate('')).toEqual({ line: 1, column: 1 })
    expect(locate('/paths/~1a~1{id}/get/responses/200/description')).toEqual({ line: 8, column: 11 })
    expect(locate('/paths/~1a~1{id}/get/tags/1')).toEqual({ line: 5, column: 17 })
    expect(locate('/list/1/b/0')).toEqual({ line: 12, column: 9 })
    expect(locate('/paths/~1a~1{id}/post')).toEqual({ line: 3, column: 3 })
  })

  it("copes with Harbor's unindented continuation of a single-quoted scalar", () => {
    const harbor = `definitions:
  ProjectMetadata:
    properties:
      reuse_sys_cve_allowlist:
        type: string
        description: 'Whether this project reuse the system level CVE allowlist.
        If it is set to "true" the actual allowlist is ignored.'
        x-nullable: true
      retention_id:
        type: string
`
    const value = parseSource('harbor.yaml', '/harbor.yaml', harbor).value as {
      definitions: { ProjectMetadata: { properties: Record<string, { description?: string }> } }
    }
    expect(value.definitions.ProjectMetadata.properties.reuse_sys_cve_allowlist?.description).toMatch(/allowlist\. If it is set/)
    const locate = yamlLocator(harbor)
    expect(locate('/definitions/ProjectMetadata/properties/retention_id')?.line).toBe(9)
  })
})

describe('locateInBlockYaml: the indentation-only path', () => {
  const yaml = `%YAML 1.2
---
# a comment
servers:
- url: https://example.com
"quoted key": 'it''s'
description: "starts here
  and ends: here"
paths:
  '/a':
    parameters:
    -
      name: id
    - name: q
      schema: {type: string}
    x-list:
      - [1, 2]
    text: |
      not: a key
    anchored: &a
      b: 1
`
  const lines = yaml.split('\n')
  const at = (pointer: string) => locateInBlockYaml(lines, pointerSegments(pointer))

  it('reads sequences at their key indent, quoted keys and multi-line quoted values', () => {
    expect(at('/servers/0/url')).toEqual({ line: 5, column: 3 })
    expect(at('/quoted key')).toEqual({ line: 6, column: 1 })
    expect(at('/paths')).toEqual({ line: 9, column: 1 })
    expect(at('/paths/~1a/parameters/0/name')).toEqual({ line: 13, column: 7 })
    expect(at('/paths/~1a/parameters/1')).toEqual({ line: 14, column: 7 })
    expect(at('/paths/~1a/text')).toEqual({ line: 18, column: 5 })
  })

  it('gives the deepest ancestor past a scalar, and leaves flow collections and anchors to the parser', () => {
    expect(at('/paths/~1a/text/not')).toEqual({ line: 18, column: 5 })
    expect(at('/paths/~1a/nothing')).toEqual({ line: 10, column: 3 })
    expect(at('/paths/~1a/parameters/1/schema/type')).toBeUndefined()
    expect(at('/paths/~1a/x-list/0/1')).toBeUndefined()
    expect(at('/paths/~1a/anchored/b')).toBeUndefined()
    expect(yamlLocator(yaml)('/paths/~1a/parameters/1/schema/type')).toEqual({ line: 15, column: 16 })
  })

  it('agrees with the yaml package on every node of a document', () => {
    const slow = parsedYamlLocator(yaml)
    const pointers = ['', '/servers', '/servers/0', '/quoted key', '/description', '/paths/~1a', '/paths/~1a/parameters/0', '/paths/~1a/x-list', '/paths/~1a/x-list/0']
    for (const pointer of pointers) expect(at(pointer), pointer).toEqual(slow(pointer))
  })
})

describe('compact sequences (items at the indent of their key)', () => {
  it('locates the keys after a top-level compact sequence', () => {
    const text = 'servers:\n- url: x\ntags:\n- name: A\npaths:\n  /a:\n    get: {}\n'
    const locate = yamlLocator(text)
    expect(locate('/tags')).toEqual({ line: 3, column: 1 })
    expect(locate('/tags/0/name')).toEqual({ line: 4, column: 3 })
    expect(locate('/paths')).toEqual({ line: 5, column: 1 })
    expect(locate('/paths/~1a/get')).toEqual({ line: 7, column: 5 })
  })

  it('reads them at any depth, inside sequence items too', () => {
    const text = `paths:
  /a:
    get:
      tags:
      - A
      - B
      parameters:
      - name: q
        in: query
        enum:
        - x
        - y
        schema:
          type: string
      - name: r
      responses:
        '200':
          description: ok
`
    const lines = text.split('\n')
    const slow = parsedYamlLocator(text)
    const pointers = [
      '/paths/~1a/get/tags/1',
      '/paths/~1a/get/parameters',
      '/paths/~1a/get/parameters/0/enum/1',
      '/paths/~1a/get/parameters/0/schema/type',
      '/paths/~1a/get/parameters/1/name',
      '/paths/~1a/get/responses/200/description',
    ]
    for (const pointer of pointers) expect(locateInBlockYaml(lines, pointerSegments(pointer)), pointer).toEqual(slow(pointer))
    expect(yamlLocator(text)('/paths/~1a/get/responses/200/description')).toEqual({ line: 18, column: 11 })
  })
})

describe('parse errors', () => {
  it.each([
    ['{"a": 1,}', 8, 'expected a property name'],
    ['{"a": 1 "b": 2}', 8, "expected ',' or '}'"],
    ['{"a": tru}', 6, 'unexpected'],
    ['{"a": "x', 8, 'unterminated string'],
    ['[1, 2', 5, "expected ',' or ']'"],
    ['{"a": 1}}', 8, 'after the document'],
  ])('finds the place of a JSON syntax error in %s', (text, offset, message) => {
    const found = findJsonSyntaxError(text)
    expect(found?.offset).toBe(offset)
    expect(found?.message).toContain(message)
  })

  it('accepts well-formed JSON', () => {
    expect(findJsonSyntaxError(json)).toBeUndefined()
  })

  it('reports file:line:col for JSON and YAML', () => {
    expect(() => parseSource('a.json', '/a.json', '{\n  "a": [1,\n  }')).toThrow(new InputError("a.json:3:3: invalid JSON: unexpected '}'"))
    expect(() => parseSource('a.yaml', '/a.yaml', 'a: 1\nb: [1,\n  c: d: e\n')).toThrow(/^a\.yaml:3:7: invalid YAML: /)
  })

  it('reads JSON content in a .yaml file and YAML in a file with no extension', () => {
    expect(parseSource('a.yaml', '/a.yaml', '{"a": 1}').format).toBe('json')
    expect(parseSource('spec', '/spec', 'a: 1').value).toEqual({ a: 1 })
  })
})
