import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCase, scratchDir, strictDiagnostics } from './adapter-support.js'

interface FastifyWiring {
  rewriteUrl(raw: unknown): string
  onRequest(...args: never[]): Promise<unknown>
  preValidation(...args: never[]): Promise<unknown>
  preSerialization(...args: never[]): Promise<unknown>
}

const out = scratchDir('adapter-fastify')
const apps: FastifyInstance[] = []

beforeAll(async () => {
  await generateCase('rename', out)
  await generateCase('changed-status', out)
})

afterAll(async () => {
  for (const app of apps) await app.close()
  rmSync(out, { recursive: true, force: true })
})

async function appFor(name: string, routes: (app: FastifyInstance) => void): Promise<string> {
  const { fastifyAdapter } = (await import(join(out, name, 'fastify.ts'))) as { fastifyAdapter: () => FastifyWiring }
  const adapter = fastifyAdapter()
  const app = Fastify({ rewriteUrl: adapter.rewriteUrl })
  apps.push(app)
  app.addHook('onRequest', adapter.onRequest as never)
  app.addHook('preValidation', adapter.preValidation as never)
  app.addHook('preSerialization', adapter.preSerialization as never)
  routes(app)
  return app.listen({ port: 0, host: '127.0.0.1' })
}

describe('the generated Fastify wiring in a real Fastify app', () => {
  it('answers a version-1 request with a version-1 response, while the routes only know version 2', async () => {
    const stored: unknown[] = []
    const base = await appFor('rename', (app) => {
      app.post('/pets', async (request, reply) => {
        stored.push(request.body)
        reply.code(201)
        return request.body
      })
    })
    const res = await fetch(`${base}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-version': '1' },
      body: JSON.stringify({ id: 1, name: 'Rex', status: 'pending' }),
    })
    expect(res.status).toBe(201)
    expect(await res.text()).toBe('{"id":1,"name":"Rex","status":"pending"}')
    expect(stored).toEqual([{ id: 1, title: 'Rex', status: 'on-hold' }])
    const unknown = await fetch(`${base}/pets`, { headers: { 'api-version': 'nine' } })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ error: 'unsupported-api-version', supported: ['1', '2'] })
  })

  it('shows a changed status and media type as the old ones', async () => {
    const base = await appFor('changed-status', (app) => {
      app.post('/orders', async (request, reply) => {
        const { sku } = request.body as { sku: string }
        if (sku === '') {
          reply.code(400).type('application/problem+json')
          return { message: 'no sku' }
        }
        reply.code(201)
        return { id: 'o1', sku }
      })
    })
    const call = (sku: string): Promise<Response> =>
      fetch(`${base}/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'api-version': '1' }, body: JSON.stringify({ sku }) })
    const placed = await call('a')
    expect(placed.status).toBe(200)
    expect(await placed.json()).toEqual({ id: 'o1', sku: 'a' })
    const refused = await call('')
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('plugs into Express and Fastify as their own types expect, without casts', () => {
    const dir = join(out, 'rename')
    writeFileSync(
      join(dir, 'wiring.ts'),
      [
        "import express from 'express';",
        "import Fastify from 'fastify';",
        "import { expressAdapter } from './express.js';",
        "import { fastifyAdapter } from './fastify.js';",
        '',
        'const app = express();',
        "app.use(express.json(), expressAdapter({ header: 'X-Api-Version' }));",
        'const adapter = fastifyAdapter();',
        'const server = Fastify({ rewriteUrl: adapter.rewriteUrl });',
        "server.addHook('onRequest', adapter.onRequest);",
        "server.addHook('preValidation', adapter.preValidation);",
        "server.addHook('preSerialization', adapter.preSerialization);",
        '',
      ].join('\n'),
    )
    expect(strictDiagnostics(dir)).toEqual([])
  })
})
