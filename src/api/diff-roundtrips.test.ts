import { describe, expect, it } from 'vitest'
import { diffRoundtrips } from './diff-roundtrips.js'
import type { Schema } from './model.js'
import { model, operation, requestBody, response } from './test-support/make-model.js'
import { schema } from './test-support/make-schema.js'

const str = (extra = {}) => schema({ type: 'string', ...extra })

/** A pet as a service describes it: readOnly `id`, a `status` enum, optional extra fields. */
function pet(statuses: ReadonlyArray<string>, extra: Record<string, Schema> = {}, options: { closed?: boolean } = {}): Schema {
  return schema({
    name: 'Pet',
    type: 'object',
    properties: { id: str({ readOnly: true }), name: str(), status: str({ enum: statuses }), ...extra },
    required: ['id', 'name'],
    ...(options.closed === true ? { additionalProperties: false } : {}),
  })
}

/** GET and PUT on one path sharing the Pet schema. */
function service(petSchema: Schema) {
  return model([
    operation({ method: 'GET', path: '/pets/{id}', responses: [response('200', { 'application/json': petSchema })] }),
    operation({ method: 'PUT', path: '/pets/{id}', requestBody: requestBody({ 'application/json': petSchema }, true) }),
  ])
}

describe('diffRoundtrips', () => {
  it('reports an enum value B returns that A does not accept back', () => {
    const changes = diffRoundtrips(service(pet(['available', 'sold'])), service(pet(['available', 'sold', 'archived'])))
    expect(changes).toMatchObject([
      {
        kind: 'roundtrip-mismatch',
        direction: 'none',
        operation: 'PUT /pets/{}',
        readOperation: 'GET /pets/{}',
        writeOperation: 'PUT /pets/{}',
        readLabel: 'GET /pets/{id}',
        writeLabel: 'PUT /pets/{id}',
        inner: {
          kind: 'enum-value-removed',
          value: 'archived',
          path: ['status'],
          direction: 'request',
          operation: 'PUT /pets/{}',
          subject: { kind: 'body', mediaType: 'application/json' },
        },
      },
    ])
  })

  it('does not report what A itself already could not take back (readOnly id, widened responses)', () => {
    expect(diffRoundtrips(service(pet(['a'])), service(pet(['a'])))).toEqual([])
    expect(diffRoundtrips(service(pet(['a', 'b'])), service(pet(['a'])))).toEqual([])
  })

  it('does not report a writeOnly property B never returns when A already required it', () => {
    const withPassword = (statuses: ReadonlyArray<string>) =>
      pet(statuses, { password: str({ writeOnly: true }) })
    const required = (schema: Schema): Schema => ({ ...schema, required: new Set([...schema.required, 'password']) })
    const changes = diffRoundtrips(service(required(withPassword(['a']))), service(required(withPassword(['a', 'b']))))
    expect(changes).toMatchObject([{ inner: { kind: 'enum-value-removed', value: 'b' } }])
    expect(changes).toHaveLength(1)
  })

  it('reports a new response property that a closed A request rejects, not an open one', () => {
    const extra = { color: str() }
    expect(diffRoundtrips(service(pet(['a'], {}, { closed: true })), service(pet(['a'], extra, { closed: true })))).toMatchObject([
      { inner: { kind: 'property-removed', name: 'color' } },
    ])
    expect(diffRoundtrips(service(pet(['a'])), service(pet(['a'], extra)))).toEqual([])
  })

  it('reports a value B returns that neither A nor B takes back (echoing clients break on B too)', () => {
    const a = service(pet(['a']))
    const newPet = pet(['a', 'b'])
    const b = model([
      operation({ method: 'GET', path: '/pets/{id}', responses: [response('200', { 'application/json': newPet })] }),
      operation({ method: 'PUT', path: '/pets/{id}', requestBody: requestBody({ 'application/json': pet(['a']) }, true) }),
    ])
    expect(diffRoundtrips(a, b)).toMatchObject([{ inner: { kind: 'enum-value-removed', value: 'b' } }])
  })

  it('follows one component schema from any B response into A request bodies', () => {
    const a = model([
      operation({ method: 'GET', path: '/pets', responses: [response('200', { 'application/json': schema({ type: 'array', items: pet(['x']) }) })] }),
      operation({ method: 'POST', path: '/pets', requestBody: requestBody({ 'application/json': pet(['x']) }) }),
    ])
    const newPet = pet(['x', 'y'])
    const b = model([
      operation({ method: 'GET', path: '/pets', responses: [response('200', { 'application/json': schema({ type: 'array', items: newPet }) })] }),
      operation({ method: 'POST', path: '/pets', requestBody: requestBody({ 'application/json': newPet }) }),
    ])
    expect(diffRoundtrips(a, b)).toMatchObject([
      { readOperation: 'GET /pets', writeOperation: 'POST /pets', inner: { kind: 'enum-value-removed', value: 'y', path: ['status'] } },
    ])
  })

  it('locates the mismatch at the schema B returns', () => {
    const newPet = pet(['a', 'b'])
    const [change] = diffRoundtrips(service(pet(['a'])), service(newPet))
    expect(change?.at).toEqual(newPet.properties.get('status')?.ref)
  })
})
