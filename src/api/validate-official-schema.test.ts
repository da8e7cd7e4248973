import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../../test/helpers/cli-harness.js'
import { loadApi } from './load-api.js'

const { dir } = scratchDir('rollsafe-validate-')
const file = join(dir, 'tags-not-a-list.yaml')
writeFileSync(
  file,
  [
    'openapi: 3.0.3',
    "info: { title: T, version: '1' }",
    'paths:',
    '  /pets:',
    '    get:',
    '      responses:',
    "        '200': { description: ok }",
    '      tags: notalist',
    '',
  ].join('\n'),
)

describe('validate: the official OpenAPI schema through swagger-parser', () => {
  it('is off by default: the model does not use tags', async () => {
    expect((await loadApi(file)).operations.has('GET /pets')).toBe(true)
  })

  it('names the file, line and column of the first problem', async () => {
    await expect(loadApi(file, { validate: true })).rejects.toThrow(
      `${file}:8:7: not valid against the official OpenAPI schema: /paths/~1pets/get/tags must be array`,
    )
  })

  it('passes a valid document', async () => {
    expect((await loadApi('demo/petstore-v1.yaml', { validate: true })).operations.size).toBe(4)
  })
})
