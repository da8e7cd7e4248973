import { describe, expect, it } from 'vitest'
import { redactSecrets, redactUrl } from './redact-url.js'

describe('redactUrl', () => {
  it('hides the password of a URL and keeps the rest', () => {
    expect(redactUrl('postgres://app:s3cret@db.example:5432/prod?sslmode=require')).toBe(
      'postgres://app:***@db.example:5432/prod?sslmode=require',
    )
  })

  it('hides a password given as a query parameter', () => {
    expect(redactUrl('postgresql://db/prod?user=app&password=s3cret')).toBe('postgresql://db/prod?user=app&password=***')
  })

  it('leaves a URL without a password as it is', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/postgres')).toBe('postgres://postgres@127.0.0.1:5432/postgres')
  })

  it('hides the password of a libpq keyword string', () => {
    expect(redactUrl("host=db user=app password='s3cret' dbname=prod")).toBe('host=db user=app password=*** dbname=prod')
  })
})

describe('redactSecrets', () => {
  it('removes every spelling of the password from a message', () => {
    const url = 'postgres://app:p%40ss@db/prod'
    const message = `connect to ${url} failed; password p@ss rejected (p%40ss)`
    const redacted = redactSecrets(message, url)
    expect(redacted).not.toContain('p@ss')
    expect(redacted).not.toContain('p%40ss')
    expect(redacted).toContain('postgres://app:***@db/prod')
  })
})
