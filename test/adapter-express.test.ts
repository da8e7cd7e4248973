import { once } from 'node:events'
import { rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import express, { type RequestHandler } from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCase, scratchDir } from './adapter-support.js'

type AdapterFactory = (options?: { from?: 'header' | 'path'; header?: string }) => RequestHandler

const out = scratchDir('adapter-express')
const servers: Server[] = []

beforeAll(async () => {
  await generateCase('rename', out)
  await generateCase('moved-endpoint', out)
})

afterAll(async () => {
  for (const server of servers) server.close()
  rmSync(out, { recursive: true, force: true })
})

async function adapterOf(name: string): Promise<AdapterFactory> {
  return ((await import(join(out, name, 'express.ts'))) as { expressAdapter: AdapterFactory }).expressAdapter
}

/** Starts the app on 127.0.0.1 with an ephemeral port and returns its base URL. */
async function listen(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await once(server, 'listening')
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function call(url: string, init: { method?: string; version?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown; type: string | null }> {
  const headers: Record<string, string> = {}
  if (init.version !== undefined) headers['api-version'] = init.version
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) })
  return { status: res.status, body: await res.json(), type: res.headers.get('content-type') }
}

describe('the generated Express middleware in a real Express app', () => {
  it('answers a version-1 request with a version-1 response, while the handlers only know version 2', async () => {
    const expressAdapter = await adapterOf('rename')
    const stored: unknown[] = []
    const app = express()
    app.use(express.json(), expressAdapter())
    app.post('/pets', (req, res) => {
      const pet = req.body as { title?: unknown; status?: unknown }
      if (typeof pet.title !== 'string' || pet.status === 'pending') {
        res.status(422).json({ error: 'a version 2 pet has a title and no status pending' })
        return
      }
      stored.push(pet)
      res.status(201).json(pet)
    })
    app.get('/pets', (_req, res) => {
      res.json({ data: stored })
    })
    const base = await listen(app)

    const created = await call(`${base}/pets`, { method: 'POST', version: '1', body: { id: 1, name: 'Rex', status: 'pending', tags: [{ label: 'good' }] } })
    expect(created).toMatchObject({ status: 201, body: { id: 1, name: 'Rex', status: 'pending', tags: [{ label: 'good' }] } })
    expect(stored).toEqual([{ id: 1, title: 'Rex', status: 'on-hold', tags: [{ text: 'good' }] }])

    expect(await call(`${base}/pets`, { version: '1' })).toMatchObject({
      status: 200,
      body: { data: [{ id: 1, name: 'Rex', status: 'pending', tags: [{ label: 'good' }] }] },
    })
    const latest = { status: 200, body: { data: [{ id: 1, title: 'Rex', status: 'on-hold', tags: [{ text: 'good' }] }] } }
    expect(await call(`${base}/pets`, { version: '2' })).toMatchObject(latest)
    expect(await call(`${base}/pets`)).toMatchObject(latest)
  })

  it('answers an unknown version with 400 and the supported versions', async () => {
    const expressAdapter = await adapterOf('rename')
    const app = express()
    app.use(express.json(), expressAdapter())
    app.get('/pets', (_req, res) => {
      res.json({ data: [] })
    })
    const base = await listen(app)
    expect(await call(`${base}/pets`, { version: '7' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported-api-version', supported: ['1', '2'] },
    })
  })

  it('serves moved endpoints at their old paths, with the version as a path prefix', async () => {
    const expressAdapter = await adapterOf('moved-endpoint')
    const app = express()
    app.use(express.json(), expressAdapter({ from: 'path' }))
    app.get('/animals/:animalId', (req, res) => {
      res.json({ id: Number(req.params['animalId']), name: 'Rex' })
    })
    app.get('/animals', (req, res) => {
      res.json([{ id: 1, name: String(req.query['query']) }])
    })
    const base = await listen(app)
    expect(await call(`${base}/v1/pets/7`)).toMatchObject({ status: 200, body: { id: 7, name: 'Rex' } })
    expect(await call(`${base}/1/pets?q=rex`)).toMatchObject({ status: 200, body: [{ id: 1, name: 'rex' }] })
    expect(await call(`${base}/v2/animals?query=max`)).toMatchObject({ status: 200, body: [{ id: 1, name: 'max' }] })
    expect(await call(`${base}/v9/pets/7`)).toMatchObject({ status: 400, body: { supported: ['1', '2'] } })
  })
})
