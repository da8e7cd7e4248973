import { describe, expect, it } from 'vitest'
import { describeParameter, describeSite, formatTypes, formatValue, formatValues, propertyPath } from './describe.js'

describe('propertyPath', () => {
  it('joins names with dots and keeps array and map markers attached', () => {
    expect(propertyPath(['items', '[]', 'name'])).toBe('items[].name')
    expect(propertyPath(['tags', '[0]'])).toBe('tags[0]')
    expect(propertyPath(['meta', '{}', 'x'])).toBe('meta{}.x')
    expect(propertyPath([])).toBe('')
  })
})

describe('describeSite', () => {
  it('names the subject, the status and the property', () => {
    const body = { kind: 'body', mediaType: 'application/json' } as const
    expect(describeSite({ subject: body, path: ['owner', 'name'] })).toBe('request body property `owner.name`')
    expect(describeSite({ subject: body, status: '200', path: [] })).toBe('response 200')
    const query = { kind: 'parameter', in: 'query', name: 'limit' } as const
    expect(describeSite({ subject: query, path: [] })).toBe('query parameter `limit`')
    const header = { kind: 'header', name: 'x-rate-limit' } as const
    expect(describeSite({ subject: header, status: '429', path: [] })).toBe('response 429 header `x-rate-limit`')
    expect(describeParameter({ in: 'header', name: 'x-request-id' })).toBe('header parameter `x-request-id`')
  })

  it('names arrays and maps at the top of a subject in words, never as property `[]`', () => {
    const query = { kind: 'parameter', in: 'query', name: 'include_credential' } as const
    expect(describeSite({ subject: query, path: ['[]'] })).toBe('query parameter `include_credential` items')
    const body = { kind: 'body', mediaType: 'application/json' } as const
    expect(describeSite({ subject: body, status: '200', path: ['[]', 'owner'] })).toBe('response 200 items property `owner`')
    expect(describeSite({ subject: body, status: '200', path: ['[]', 'tags', '[]'] })).toBe('response 200 items property `tags[]`')
    expect(describeSite({ subject: body, path: ['{}', 'name'] })).toBe('request body additional properties property `name`')
    expect(describeSite({ subject: body, path: ['[]', '[]'] })).toBe('request body items of items')
  })
})

describe('formatting values', () => {
  it('prints strings bare and other values as JSON, in backticks', () => {
    expect(formatValue('archived')).toBe('`archived`')
    expect(formatValue(3)).toBe('`3`')
    expect(formatValue(null)).toBe('`null`')
    expect(formatTypes(new Set(['string', 'integer']))).toBe('integer or string')
    expect(formatTypes(undefined)).toBe('any')
    expect(formatValues(['a', 1])).toBe('`a`, `1`')
    expect(formatValues(['api_key', 'session'], ' + ')).toBe('`api_key` + `session`')
  })
})
