import { describe, expect, it } from 'vitest'
import type { ApiChange } from './change.js'
import { diffApi } from './diff-api.js'
import type { Operation } from './model.js'
import {
  header,
  model,
  operation,
  parameter,
  requestBody,
  requirement,
  response,
} from './test-support/make-model.js'
import { schema } from './test-support/make-schema.js'

const str = (extra = {}) => schema({ type: 'string', ...extra })

function kinds(changes: ReadonlyArray<ApiChange>): string[] {
  return changes.map((change) => `${change.operation} ${change.kind}`)
}

function diffOps(before: ReadonlyArray<Operation>, after: ReadonlyArray<Operation>, schemes: Record<string, string> = {}) {
  return diffApi(model(before, schemes), model(after, schemes))
}

describe('diffApi: operations', () => {
  it('reports added and removed operations sorted by key, labelled as written', () => {
    const changes = diffOps(
      [operation({ method: 'GET', path: '/pets/{petId}' }), operation({ method: 'DELETE', path: '/pets/{petId}' })],
      [operation({ method: 'GET', path: '/pets/{id}' }), operation({ method: 'POST', path: '/pets' })],
    )
    expect(changes).toMatchObject([
      { kind: 'operation-removed', operation: 'DELETE /pets/{}', label: 'DELETE /pets/{petId}', direction: 'none' },
      { kind: 'operation-added', operation: 'POST /pets', label: 'POST /pets' },
    ])
  })

  it('reports deprecation, sunset and operationId changes', () => {
    const changes = diffOps(
      [operation({ method: 'GET', path: '/a', operationId: 'getA' })],
      [operation({ method: 'GET', path: '/a', operationId: 'fetchA', deprecated: true, sunset: '2030-01-01' })],
    )
    expect(kinds(changes)).toEqual([
      'GET /a operation-deprecated-changed',
      'GET /a operation-sunset-changed',
      'GET /a operation-id-changed',
    ])
  })
})

describe('diffApi: parameters', () => {
  const get = (...parameters: ReturnType<typeof parameter>[]) => operation({ method: 'GET', path: '/pets/{id}', parameters })

  it('matches path parameters by position, so a rename is no change', () => {
    expect(diffOps([get(parameter({ in: 'path', name: 'petId', schema: str() }))], [get(parameter({ in: 'path', name: 'id', schema: str() }))])).toEqual([])
  })

  it('reports added, removed, required, serialization and deprecation changes', () => {
    const changes = diffOps(
      [get(parameter({ in: 'query', name: 'limit' }), parameter({ in: 'query', name: 'old' }), parameter({ in: 'header', name: 'X-Trace' }))],
      [
        get(
          parameter({ in: 'query', name: 'limit', required: true, explode: false }),
          parameter({ in: 'query', name: 'page' }),
          parameter({ in: 'header', name: 'X-Trace', deprecated: true }),
        ),
      ],
    )
    expect(changes).toMatchObject([
      { kind: 'parameter-deprecated-changed', direction: 'request', before: { name: 'X-Trace' } },
      { kind: 'parameter-required-changed', after: { name: 'limit', required: true } },
      { kind: 'parameter-serialization-changed', after: { name: 'limit' } },
      { kind: 'parameter-removed', before: { name: 'old' }, at: { pointer: '/parameters/old' } },
      { kind: 'parameter-added', after: { name: 'page' } },
    ])
  })

  it('compares a parameter schema as request data with the parameter as subject', () => {
    const changes = diffOps(
      [get(parameter({ in: 'query', name: 'limit', schema: schema({ type: 'integer', bounds: { maximum: 100 } }) }))],
      [get(parameter({ in: 'query', name: 'limit', schema: schema({ type: 'integer', bounds: { maximum: 50 } }) }))],
    )
    expect(changes).toMatchObject([
      {
        kind: 'bound-changed',
        direction: 'request',
        subject: { kind: 'parameter', in: 'query', name: 'limit' },
        path: [],
        effect: 'narrowed',
      },
    ])
    expect(changes[0]).not.toHaveProperty('status')
  })
})

describe('diffApi: bodies and responses', () => {
  const put = (body?: ReturnType<typeof requestBody>, ...responses: ReturnType<typeof response>[]) =>
    operation({ method: 'PUT', path: '/pets', ...(body === undefined ? {} : { requestBody: body }), responses })

  it('reports request bodies added, removed and required changed', () => {
    expect(diffOps([put()], [put(requestBody({ 'application/json': str() }, true))])).toMatchObject([
      { kind: 'request-body-added', required: true },
    ])
    expect(diffOps([put(requestBody({}))], [put()])).toMatchObject([{ kind: 'request-body-removed' }])
    expect(diffOps([put(requestBody({}))], [put(requestBody({}, true))])).toMatchObject([
      { kind: 'request-body-required-changed', required: true },
    ])
  })

  it('reports request media types and compares request schemas as request data', () => {
    const changes = diffOps(
      [put(requestBody({ 'application/json': schema({ type: 'object', properties: { name: str() } }), 'text/plain': str() }))],
      [put(requestBody({ 'application/json': schema({ type: 'object', properties: { name: str({ readOnly: true }) } }), 'application/xml': str() }))],
    )
    expect(changes).toMatchObject([
      { kind: 'read-only-changed', direction: 'request', subject: { kind: 'body', mediaType: 'application/json' }, path: ['name'] },
      { kind: 'media-type-added', direction: 'request', media: { mediaType: 'application/xml' } },
      { kind: 'media-type-removed', direction: 'request', media: { mediaType: 'text/plain' } },
    ])
  })

  it('reports statuses added and removed, with the other statuses, and response schema changes with status', () => {
    const changes = diffOps(
      [put(undefined, response('200', { 'application/json': schema({ type: 'object', properties: { id: str(), tag: str() } }) }), response('404'))],
      [put(undefined, response('200', { 'application/json': schema({ type: 'object', properties: { id: str() } }) }), response('409'))],
    )
    expect(changes).toMatchObject([
      { kind: 'property-removed', direction: 'response', status: '200', name: 'tag', subject: { kind: 'body', mediaType: 'application/json' } },
      { kind: 'response-removed', status: '404', otherStatuses: ['200'] },
      { kind: 'response-added', status: '409', otherStatuses: ['200'] },
    ])
  })

  it('relates a status to the range or default that holds it on the other side, and compares the two', () => {
    const pet = (extra: Record<string, ReturnType<typeof str>> = {}) =>
      schema({ type: 'object', properties: { id: str(), ...extra } })
    const json = (body: ReturnType<typeof schema>) => ({ 'application/json': body })
    // 200 replaced by 2XX: covered, and A's 200 is read as B's 2XX.
    expect(diffOps([put(undefined, response('200', json(pet({ tag: str() }))))], [put(undefined, response('2XX', json(pet())))])).toMatchObject([
      { kind: 'response-removed', status: '200', coveredBy: ['2XX'] },
      { kind: 'property-removed', status: '2XX', name: 'tag' },
      { kind: 'response-added', status: '2XX', coveredBy: [] },
    ])
    // 2XX split into codes: the range is covered by them, each code is compared with the range.
    expect(diffOps([put(undefined, response('2XX', json(pet())))], [put(undefined, response('200', json(pet())), response('201', json(pet({ tag: str() }))))])).toMatchObject([
      { kind: 'response-added', status: '200', coveredBy: ['2XX'] },
      { kind: 'response-added', status: '201', coveredBy: ['2XX'] },
      { kind: 'property-added', status: '201', name: 'tag' },
      { kind: 'response-removed', status: '2XX', coveredBy: ['200', '201'] },
    ])
    // default stands for a removed code of its own kind only: a 404 (B's default is an error) …
    const covered = diffOps([put(undefined, response('200'), response('404'))], [put(undefined, response('200'), response('default'))])
    expect(covered).toMatchObject([{ kind: 'response-removed', status: '404', coveredBy: ['default'] }, { kind: 'response-added', status: 'default', coveredBy: [] }])
    // … not a 200 when B documents another success beside it.
    const gone = diffOps([put(undefined, response('200'))], [put(undefined, response('201'), response('default'))])
    expect(gone).toMatchObject([{ kind: 'response-removed', status: '200', coveredBy: [] }, { kind: 'response-added', status: '201', coveredBy: [] }, { kind: 'response-added', status: 'default' }])
  })

  it('compares response headers: added, removed, required, and their schemas as response data', () => {
    const changes = diffOps(
      [put(undefined, response('200', {}, [header('x-rate', { schema: schema({ type: 'integer' }) }), header('x-old')]))],
      [put(undefined, response('200', {}, [header('x-rate', { required: true, schema: schema({ type: 'number' }) }), header('x-new')]))],
    )
    expect(changes).toMatchObject([
      { kind: 'header-added', status: '200', header: { name: 'x-new' } },
      { kind: 'header-removed', status: '200', header: { name: 'x-old' } },
      { kind: 'header-required-changed', status: '200' },
      { kind: 'type-changed', direction: 'response', subject: { kind: 'header', name: 'x-rate' }, status: '200', effect: 'widened' },
    ])
  })

  it('treats a missing schema as any value', () => {
    const changes = diffOps([put(requestBody({ 'application/json': undefined }))], [put(requestBody({ 'application/json': str() }))])
    expect(changes).toMatchObject([{ kind: 'type-changed', effect: 'narrowed' }, { kind: 'nullable-changed', nullable: false }])
  })

  it('reports a change of a shared schema once per operation and site', () => {
    const pet = (tag: boolean) => schema({ name: 'Pet', type: 'object', properties: tag ? { tag: str() } : {} })
    const list = (item: ReturnType<typeof schema>) => schema({ type: 'object', properties: { first: item, last: item } })
    const a = pet(true)
    const b = pet(false)
    const changes = diffOps(
      [put(undefined, response('200', { 'application/json': list(a) }), response('201', { 'application/json': a }))],
      [put(undefined, response('200', { 'application/json': list(b) }), response('201', { 'application/json': b }))],
    )
    expect(changes.map((c) => 'path' in c && `${c.status} ${c.path.join('.')}`)).toEqual(['200 first', '201 '])
  })
})

describe('diffApi: security', () => {
  const secured = (...security: ReturnType<typeof requirement>[]) => operation({ method: 'GET', path: '/me', security })
  const open = operation({ method: 'GET', path: '/me' })
  const schemes = { key: 'apiKey header x-key', oauth: 'oauth2', oauth2: 'oauth2', bearer: 'http bearer' }

  it('sees no change when a scheme is only renamed', () => {
    expect(diffOps([secured(requirement({ oauth: ['read'] }))], [secured(requirement({ oauth2: ['read'] }))], schemes)).toEqual([])
  })

  it('reports an A requirement no B alternative accepts, with the scopes B asks on top', () => {
    const changes = diffOps([secured(requirement({ oauth: ['read'] }))], [secured(requirement({ oauth: ['read', 'write'] }))], schemes)
    expect(changes).toMatchObject([
      { kind: 'security-requirement-removed', schemes: ['oauth'], addedScopes: ['write'], direction: 'none' },
      { kind: 'security-requirement-added', schemes: ['oauth'] },
    ])
  })

  it('keeps A credentials working when B adds an alternative or drops a scope', () => {
    const changes = diffOps(
      [secured(requirement({ oauth: ['read', 'write'] }))],
      [secured(requirement({ oauth: ['read'] }), requirement({ bearer: [] }))],
      schemes,
    )
    expect(kinds(changes)).toEqual(['GET /me security-requirement-added', 'GET /me security-requirement-added'])
  })

  it('sees a change when a scheme keeps its name but asks for something else', () => {
    const before = model([secured(requirement({ key: [] }))], { key: 'apiKey header x-key' })
    const after = model([secured(requirement({ key: [] }))], { key: 'apiKey query api_key' })
    expect(kinds(diffApi(before, after))).toEqual(['GET /me security-requirement-removed', 'GET /me security-requirement-added'])
  })

  it('treats no security as anonymous access', () => {
    expect(kinds(diffOps([open], [secured(requirement({ key: [] }))], schemes))).toEqual([
      'GET /me security-requirement-removed',
      'GET /me security-requirement-added',
    ])
    expect(diffOps([open], [secured(requirement({}))], schemes)).toEqual([])
  })
})
