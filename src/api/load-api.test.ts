import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../core/errors.js'
import { loadApi } from './load-api.js'
import type { ApiModel, Operation, Schema } from './model.js'
import { schemaShape } from './schema-shape.js'

const data = 'test/data/api-load'
const at = (name: string): string => join(data, name)

function operation(model: ApiModel, key: string): Operation {
  const found = model.operations.get(key)
  if (found === undefined) throw new Error(`no ${key} in ${[...model.operations.keys()].join(', ')}`)
  return found
}

function bodySchema(op: Operation, status: string, type = 'application/json'): Schema {
  const schema = op.responses.get(status)?.content.get(type)?.schema
  if (schema === undefined) throw new Error(`no ${status} ${type} schema`)
  return schema
}

async function loadError(file: string, options = {}): Promise<string> {
  const error = await loadApi(file, options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputError)
  return (error as InputError).message
}

describe('loadApi: OpenAPI 3.0', async () => {
  const model = await loadApi(at('petstore-30.yaml'))
  const get = operation(model, 'GET /pets/{}')
  const put = operation(model, 'PUT /pets/{}')

  it('keys operations by method and path with parameter names erased', () => {
    expect(model.specVersion).toBe('3.0')
    expect(model.file).toBe(at('petstore-30.yaml'))
    expect([...model.operations.keys()]).toEqual(['GET /pets/{}', 'PUT /pets/{}'])
    expect(get.path).toBe('/pets/{petId}')
    expect(get.operationId).toBe('getPet')
  })

  it('merges path-level and operation-level parameters, the operation winning', () => {
    expect([...get.parameters.keys()].sort()).toEqual(['header:x-request-id', 'path:0', 'query:verbose'])
    const verbose = get.parameters.get('query:verbose')
    expect(verbose?.required).toBe(true)
    expect([...(verbose?.schema?.types ?? [])]).toEqual(['integer'])
    expect(verbose?.ref.pointer).toBe('/paths/~1pets~1{petId}/get/parameters/0')
    expect(get.parameters.get('path:0')?.name).toBe('petId')
    expect(get.parameters.get('header:x-request-id')).toMatchObject({ style: 'simple', explode: false, required: false })
    expect(verbose).toMatchObject({ style: 'form', explode: true })
  })

  it('reads responses, headers (keyed lower-cased, named as written), media types (lower-cased) and $ref responses', () => {
    const ok = get.responses.get('200')
    expect(ok?.headers.get('x-rate-limit')?.required).toBe(true)
    expect(ok?.headers.get('x-rate-limit')?.name).toBe('X-Rate-Limit')
    expect(get.parameters.get('header:x-request-id')?.name).toBe('X-Request-Id')
    expect([...(ok?.content.keys() ?? [])]).toEqual(['application/json'])
    expect(get.responses.get('default')?.ref).toEqual({ file: at('petstore-30.yaml'), pointer: '/components/responses/Error' })
  })

  it('shares one Schema object per definition, recursion included', () => {
    const pet = bodySchema(get, '200')
    expect(pet.name).toBe('Pet')
    expect(put.requestBody?.content.get('application/json')?.schema).toBe(pet)
    expect(pet.properties.get('parent')).toBe(pet)
    expect(pet.ref).toEqual({ file: at('petstore-30.yaml'), pointer: '/components/schemas/Pet' })
  })

  it('canonicalizes nullable and boolean exclusive bounds', () => {
    const pet = bodySchema(get, '200')
    expect([...(pet.properties.get('tag')?.types ?? [])].sort()).toEqual(['null', 'string'])
    expect(pet.properties.get('age')?.bounds).toEqual({ exclusiveMinimum: 0, maximum: 40 })
    expect([...pet.required]).toEqual(['name'])
  })

  it('reads deprecation, sunset and security (root default, [] meaning none)', () => {
    expect(put.deprecated).toBe(true)
    expect(put.sunset).toBe('2026-12-31')
    expect(get.security).toEqual([new Map([['apiKey', []]])])
    expect(put.security).toBeUndefined()
    expect(put.requestBody?.required).toBe(true)
    expect(model.securitySchemes.get('apiKey')).toMatchObject({ type: 'apiKey', detail: 'in=header name=x-api-key' })
    expect(model.securitySchemes.get('oauth')).toMatchObject({ type: 'oauth2', detail: 'flows=clientCredentials' })
  })

  it('locates any place of the document lazily', () => {
    expect(model.locate(get.ref)).toEqual({ line: 23, column: 5 })
    expect(model.locate(bodySchema(get, '200').ref)).toEqual({ line: 81, column: 5 })
    expect(model.locate({ file: 'elsewhere.yaml', pointer: '/paths' })).toBeUndefined()
  })
})

describe('loadApi: OpenAPI 3.1', async () => {
  const model = await loadApi(at('petstore-31.json'))
  const post = operation(model, 'POST /pets')
  const pet = post.requestBody?.content.get('application/json')?.schema as Schema

  it('reads type arrays, const and numeric exclusive bounds', () => {
    expect(model.specVersion).toBe('3.1')
    expect(schemaShape(pet.properties.get('kind') as Schema)).toEqual({ enum: ['pet'] })
    expect(schemaShape(pet.properties.get('tag') as Schema)).toEqual({ types: ['null', 'string'] })
    expect(pet.properties.get('age')?.bounds).toEqual({ exclusiveMinimum: 0 })
  })

  it('follows a $ref with only annotations beside it to the shared definition', () => {
    expect(bodySchema(post, '201')).toBe(pet)
  })

  it('merges a $ref with constraints beside it into a new schema', () => {
    const owner = pet.properties.get('owner') as Schema
    expect(owner.deprecated).toBe(true)
    expect([...owner.properties.keys()]).toEqual(['name'])
    expect(owner.ref.pointer).toBe('/components/schemas/Pet/properties/owner')
  })

  it('locates in JSON', () => {
    expect(model.locate({ file: at('petstore-31.json'), pointer: '/components/schemas/Pet/properties/tag' })).toEqual({
      line: 31,
      column: 11,
    })
  })
})

describe('loadApi: Swagger 2.0', async () => {
  const model = await loadApi(at('petstore-20.yaml'))
  const list = operation(model, 'GET /pets')
  const create = operation(model, 'POST /pets')
  const photo = operation(model, 'POST /pets/{}/photo')

  it('maps parameters with their type keywords as the schema, collectionFormat as style', () => {
    expect(model.specVersion).toBe('2.0')
    expect(list.parameters.get('query:tags')).toMatchObject({ style: 'form', explode: true })
    expect(list.parameters.get('query:limit')?.schema?.bounds).toEqual({ maximum: 100 })
  })

  it('gives responses one media type per produces entry, and headers as schemas', () => {
    const ok = list.responses.get('200')
    expect([...(ok?.content.keys() ?? [])]).toEqual(['application/json', 'application/xml'])
    const pets = bodySchema(list, '200', 'application/xml')
    expect(schemaShape(pets)).toMatchObject({ types: ['array'] })
    expect(pets.items?.name).toBe('Pet')
    expect([...(ok?.headers.get('x-total')?.schema?.types ?? [])]).toEqual(['integer'])
    expect(ok?.headers.get('x-total')?.name).toBe('X-Total')
  })

  it('turns a body parameter into a request body per consumes entry', () => {
    expect(create.requestBody?.required).toBe(true)
    expect(create.requestBody?.content.get('application/json')?.schema?.name).toBe('Pet')
    expect(create.parameters.size).toBe(0)
  })

  it('turns formData parameters into one object schema, multipart when consumed', () => {
    const body = photo.requestBody
    expect([...(body?.content.keys() ?? [])]).toEqual(['multipart/form-data'])
    expect(schemaShape(body?.content.get('multipart/form-data')?.schema as Schema)).toEqual({
      types: ['object'],
      properties: { caption: { types: ['string'] }, file: { types: ['string'], format: 'binary' } },
      required: ['file'],
    })
    expect(body?.required).toBe(true)
    expect([...photo.parameters.keys()]).toEqual(['path:0'])
  })

  it("places each media type at its produces or consumes entry, the operation's or the document's", () => {
    const file = at('petstore-20.yaml')
    expect(list.responses.get('200')?.content.get('application/xml')?.ref).toEqual({ file, pointer: '/produces/1' })
    expect(create.requestBody?.content.get('application/json')?.ref).toEqual({ file, pointer: '/consumes/0' })
    expect(photo.requestBody?.content.get('multipart/form-data')?.ref).toEqual({
      file,
      pointer: '/paths/~1pets~1{petId}~1photo/post/consumes/0',
    })
    expect(model.locate({ file, pointer: '/produces/1' })).toEqual({ line: 6, column: 30 })
  })

  it('reads x-nullable, boolean exclusive bounds, and security definitions', () => {
    const pet = create.requestBody?.content.get('application/json')?.schema as Schema
    expect([...(pet.properties.get('tag')?.types ?? [])].sort()).toEqual(['null', 'string'])
    expect(pet.properties.get('weight')?.bounds).toEqual({ exclusiveMinimum: 0 })
    expect(model.securitySchemes.get('basicAuth')).toMatchObject({ type: 'http', detail: 'scheme=basic' })
    expect(model.securitySchemes.get('oauth')?.detail).toBe('flows=authorizationCode')
    expect(list.security).toEqual([new Map([['basicAuth', []]])])
    expect(photo.security).toEqual([new Map([['oauth', ['read']]])])
  })
})

describe('loadApi: several files', async () => {
  const model = await loadApi(at('multi/root.yaml'))

  it('follows path item and operation $refs (DigitalOcean style)', () => {
    expect([...model.operations.keys()]).toEqual(['GET /pets', 'GET /pets/{}'])
    const get = operation(model, 'GET /pets/{}')
    expect(get.ref).toEqual({ file: at('multi/operations/get-pet.yaml'), pointer: '' })
    expect(get.parameters.get('path:0')?.ref.file).toBe(at('multi/operations/get-pet.yaml'))
    expect(get.responses.get('404')?.ref).toEqual({ file: at('multi/schemas/error.json'), pointer: '/NotFound' })
  })

  it('shares one Schema per file and pointer across files, and ends recursion', () => {
    const pet = bodySchema(operation(model, 'GET /pets/{}'), '200')
    const listed = bodySchema(operation(model, 'GET /pets'), '200').items
    expect(listed).toBe(pet)
    expect(pet.properties.get('children')?.items).toBe(pet)
    expect(pet.ref).toEqual({ file: at('multi/schemas/pet.yaml'), pointer: '' })
  })

  it('locates places in every file it read', () => {
    expect(model.locate({ file: at('multi/schemas/pet.yaml'), pointer: '/properties/children' })).toEqual({ line: 5, column: 3 })
    expect(model.locate({ file: at('multi/schemas/error.json'), pointer: '/NotFound/content' })).toEqual({ line: 4, column: 5 })
  })
})

describe('loadApi: bad input is an InputError with file:line:col', () => {
  it('refuses remote references unless allowed', async () => {
    expect(await loadError(at('remote.yaml'))).toBe(
      `${at('remote.yaml')}:12:17: $ref 'https://example.com/schemas/x.yaml' is remote; remote references are off (--allow-remote-refs)`,
    )
  })

  it('refuses references that leave the root folder', async () => {
    const message = await loadError(at('escape/root.yaml'))
    expect(message).toMatch(/^test\/data\/api-load\/escape\/root\.yaml:12:17: \$ref '\.\.\/outside\.yaml' points outside the folder/)
  })

  it('names a missing local target and a missing file at the $ref', async () => {
    expect(await loadError(at('missing-ref.yaml'))).toBe(`${at('missing-ref.yaml')}:12:17: $ref '#/components/schemas/Nope' not found`)
    expect(await loadError(at('missing-file.yaml'))).toBe(`${at('missing-file.yaml')}:8:11: $ref 'responses/nope.yaml' not found`)
  })

  it('places YAML and JSON syntax errors', async () => {
    expect(await loadError(at('syntax-error.yaml'))).toMatch(/^test\/data\/api-load\/syntax-error\.yaml:5:1: invalid YAML: /)
    expect(await loadError(at('syntax-error.json'))).toBe(`${at('syntax-error.json')}:4:13: invalid JSON: expected a property name, found ','`)
  })

  it('places structural errors at the offending node', async () => {
    expect(await loadError(at('invalid-structure.yaml'))).toBe(`${at('invalid-structure.yaml')}:5:5: paths./x.get: responses is required`)
    expect(await loadError(at('invalid-type.json'))).toMatch(/^test\/data\/api-load\/invalid-type\.json:11:49: .*schema\.type: "strin" is not a type$/)
  })

  it('says when a file is not an OpenAPI document, or cannot be read', async () => {
    expect(await loadError(at('not-openapi.yaml'))).toBe(`${at('not-openapi.yaml')}:1:1: not an OpenAPI document (no openapi or swagger field)`)
    expect(await loadError(at('no-such-file.yaml'))).toBe(`${at('no-such-file.yaml')}: cannot read the file (no such file)`)
  })
})
