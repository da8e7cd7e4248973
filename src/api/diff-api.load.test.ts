import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ApiChange } from './change.js'
import { diffApi } from './diff-api.js'
import { loadApi } from './load-api.js'

const dir = mkdtempSync(join(tmpdir(), 'rollsafe-diff-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let count = 0

/** Loads two documents written as YAML text (real parsing and normalizing) and diffs them. */
async function diffTexts(before: string, after: string): Promise<ReadonlyArray<ApiChange>> {
  const files = [before, after].map((text) => {
    const file = join(dir, `doc-${++count}.yaml`)
    writeFileSync(file, text)
    return file
  })
  const [a, b] = await Promise.all(files.map((file) => loadApi(file)))
  return diffApi(a!, b!)
}

/** An OpenAPI 3.x document with one GET /pets/{id} returning `schema` and `components` as given. */
function doc30(schema: string, components = '{}', version = '3.0.3'): string {
  return `openapi: ${version}
info: { title: t, version: '1' }
paths:
  /pets/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: ${schema}
components:
  schemas: ${components}
`
}

describe('diffApi through loadApi: equivalences give no change', () => {
  it('an inline schema moved to a component $ref', async () => {
    const inline = '{ type: object, required: [id], properties: { id: { type: integer }, name: { type: string } } }'
    const changes = await diffTexts(doc30(inline), doc30("{ $ref: '#/components/schemas/Pet' }", `{ Pet: ${inline} }`))
    expect(changes).toEqual([])
  })

  it('property order, descriptions and examples', async () => {
    const a = '{ type: object, properties: { a: { type: string, description: one }, b: { type: integer, example: 3 } } }'
    const b = '{ type: object, description: new, properties: { b: { type: integer, example: 4 }, a: { type: string } } }'
    expect(await diffTexts(doc30(a), doc30(b))).toEqual([])
  })

  it('3.0 nullable and a 3.1 type array', async () => {
    const a = doc30('{ type: object, properties: { tag: { type: string, nullable: true } } }')
    const b = doc30("{ type: object, properties: { tag: { type: [string, 'null'] } } }", '{}', '3.1.0')
    expect(await diffTexts(a, b)).toEqual([])
  })

  it('an allOf that merges into the flat schema', async () => {
    const components = `
    Base: { type: object, required: [id], properties: { id: { type: integer } } }
    Pet: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: object, properties: { name: { type: string } } }] }`
    const flat = '{ type: object, required: [id], properties: { id: { type: integer }, name: { type: string } } }'
    expect(await diffTexts(doc30("{ $ref: '#/components/schemas/Pet' }", components), doc30(flat))).toEqual([])
  })

  it('Swagger 2.0 and OpenAPI 3.0 of the same API', async () => {
    const swagger = `swagger: '2.0'
info: { title: t, version: '1' }
produces: [application/json]
paths:
  /pets/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, type: string }]
      responses:
        '200': { description: ok, schema: { $ref: '#/definitions/Pet' } }
definitions:
  Pet: { type: object, required: [id], properties: { id: { type: integer, format: int64 }, tag: { type: string, x-nullable: true } } }
`
    const openapi = doc30(
      "{ $ref: '#/components/schemas/Pet' }",
      '{ Pet: { type: object, required: [id], properties: { id: { type: integer, format: int64 }, tag: { type: string, nullable: true } } } }',
    )
    expect(await diffTexts(swagger, openapi)).toEqual([])
    expect(await diffTexts(openapi, swagger)).toEqual([])
  })

  it('Swagger 2.0 and OpenAPI 3.0: query arrays, headers, body parameters and response headers', async () => {
    const swagger = `swagger: '2.0'
info: { title: t, version: '1' }
produces: [application/json]
consumes: [application/json]
paths:
  /pets:
    get:
      parameters:
        - { name: tags, in: query, type: array, items: { type: string }, collectionFormat: csv }
        - { name: limit, in: query, type: integer, format: int32, maximum: 100 }
        - { name: X-Trace, in: header, type: string }
      responses:
        '200': { description: ok, schema: { type: array, items: { $ref: '#/definitions/Pet' } }, headers: { X-Rate: { type: integer } } }
    post:
      parameters:
        - { name: body, in: body, required: true, schema: { $ref: '#/definitions/Pet' } }
      responses:
        '201': { description: created }
definitions:
  Pet: { type: object, required: [name], properties: { name: { type: string }, tag: { type: string, enum: [a, b] } } }
`
    const openapi = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      parameters:
        - { name: tags, in: query, style: form, explode: false, schema: { type: array, items: { type: string } } }
        - { name: limit, in: query, schema: { type: integer, format: int32, maximum: 100 } }
        - { name: x-trace, in: header, schema: { type: string } }
      responses:
        '200':
          description: ok
          headers: { X-Rate: { schema: { type: integer } } }
          content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } }
    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
      responses:
        '201': { description: created }
components:
  schemas:
    Pet: { type: object, required: [name], properties: { name: { type: string }, tag: { type: string, enum: [b, a] } } }
`
    expect(await diffTexts(swagger, openapi)).toEqual([])
    expect(await diffTexts(openapi, swagger)).toEqual([])
  })

  it('a recursive component renamed', async () => {
    const node = (name: string) => `{ ${name}: { type: object, properties: { value: { type: string }, next: { $ref: '#/components/schemas/${name}' } } } }`
    expect(await diffTexts(doc30("{ $ref: '#/components/schemas/Node' }", node('Node')), doc30("{ $ref: '#/components/schemas/Link' }", node('Link')))).toEqual([])
  })
})

describe('diffApi through loadApi: changes', () => {
  it('reports a change behind a recursive component once, with its path', async () => {
    const node = (extra: string) =>
      `{ Node: { type: object, properties: { value: { type: string${extra} }, next: { $ref: '#/components/schemas/Node' } } } }`
    const changes = await diffTexts(doc30("{ $ref: '#/components/schemas/Node' }", node('')), doc30("{ $ref: '#/components/schemas/Node' }", node(', maxLength: 5')))
    expect(changes).toMatchObject([
      { kind: 'bound-changed', keyword: 'maxLength', effect: 'narrowed', direction: 'response', status: '200', path: ['value'] },
    ])
    expect(changes[0]?.at.pointer).toBe('/components/schemas/Node/properties/value')
  })

  it('reports an enum value B returns that A does not accept back through PUT', async () => {
    const service = (statuses: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets/{id}:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
    put:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
      responses: { '204': { description: done } }
components:
  schemas:
    Pet:
      type: object
      required: [id, status]
      properties:
        id: { type: integer, readOnly: true }
        status: { type: string, enum: [${statuses}] }
`
    const changes = await diffTexts(service('available, sold'), service('available, sold, archived'))
    expect(changes.map((change) => change.kind)).toEqual(['enum-value-added', 'enum-value-added', 'roundtrip-mismatch'])
    expect(changes[0]).toMatchObject({ operation: 'GET /pets/{}', direction: 'response', value: 'archived' })
    expect(changes[1]).toMatchObject({ operation: 'PUT /pets/{}', direction: 'request', value: 'archived' })
    expect(changes[2]).toMatchObject({
      readOperation: 'GET /pets/{}',
      writeOperation: 'PUT /pets/{}',
      inner: { kind: 'enum-value-removed', value: 'archived', path: ['status'] },
    })
  })

  it('reports a request property that became readOnly as read-only-changed', async () => {
    const body = (readOnly: boolean) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { name: { type: string, readOnly: ${readOnly} } } }
      responses: { '201': { description: created } }
`
    expect(await diffTexts(body(false), body(true))).toMatchObject([
      { kind: 'read-only-changed', value: true, direction: 'request', path: ['name'] },
    ])
  })
})
