import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Adapter } from '../src/generate/adapter/generate-adapter.js'
import { adapterCases, generateCase, runGeneratedTests, scratchDir, strictDiagnostics, type VitestReport } from './adapter-support.js'

interface Core {
  upgradeRequest(operation: string, version: string, request: object): { path: string; query: Record<string, unknown>; headers: Record<string, unknown>; body: unknown }
  downgradeResponse(operation: string, version: string, response: object): { status: number; headers: Record<string, unknown>; body: unknown }
}

const cases = [...adapterCases, 'needs-a-person'] as const
const out = scratchDir('adapter')
const adapters = new Map<string, Adapter>()
let report: VitestReport

beforeAll(async () => {
  for (const name of cases) adapters.set(name, await generateCase(name, out))
  report = await runGeneratedTests(out)
}, 300_000)

afterAll(() => rmSync(out, { recursive: true, force: true }))

function request(method: string, path: string, body?: unknown, query: Record<string, string> = {}): object {
  return { method, path, query, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body }
}

function response(status: number, body: unknown, mediaType = 'application/json'): object {
  return { status, headers: { 'content-type': mediaType }, body }
}

async function core(name: string): Promise<Core> {
  return (await import(join(out, name, 'core.ts'))) as Core
}

function failuresOf(name: string): string[] {
  const file = report.testResults.find((result) => result.name.endsWith(`/${name}/adapter.test.ts`))
  if (file === undefined) return [`no test results for ${name}`]
  return file.assertionResults.filter((a) => a.status !== 'passed').map((a) => `${a.title}: ${a.failureMessages[0]?.split('\n')[0]}`)
}

describe('generated adapters', () => {
  it('compile with strict, noUnusedLocals and exactOptionalPropertyTypes, without a diagnostic', () => {
    expect(strictDiagnostics(out)).toEqual([])
  }, 300_000)

  it.each(adapterCases)('%s: its generated tests (old requests valid in NEW, new responses valid in OLD) pass', (name) => {
    expect(failuresOf(name)).toEqual([])
    const file = report.testResults.find((result) => result.name.endsWith(`/${name}/adapter.test.ts`))
    expect(file?.assertionResults.length ?? 0).toBeGreaterThan(1)
  })

  it('needs-a-person: only the stubs fail its generated tests, each naming its change', () => {
    const failures = failuresOf('needs-a-person')
    expect(failures.length).toBeGreaterThan(0)
    for (const failure of failures) expect(failure).toMatch(/not implemented: /)
  })

  it('are the same bytes when generated again', async () => {
    const again = await generateCase('rename', join(out, 'again'))
    expect(again.files).toEqual(adapters.get('rename')?.files)
  })
})

describe('what the layer does', () => {
  it('rename: renames properties and maps enum values both ways, inside arrays and envelopes', async () => {
    const { upgradeRequest, downgradeResponse } = await core('rename')
    const body = { id: 7, name: 'Rex', status: 'pending', tags: [{ label: 'good' }] }
    expect(upgradeRequest('POST /pets', '1', request('POST', '/pets', body)).body).toEqual({
      id: 7,
      title: 'Rex',
      status: 'on-hold',
      tags: [{ text: 'good' }],
    })
    const page = { data: [{ id: 7, title: 'Rex', status: 'on-hold', tags: [{ text: 'good' }] }], next: 'b' }
    expect(downgradeResponse('GET /pets', '1', response(200, page)).body).toEqual({
      data: [{ id: 7, name: 'Rex', status: 'pending', tags: [{ label: 'good' }] }],
      next: 'b',
    })
    expect(downgradeResponse('GET /pets', '2', response(200, page)).body).toEqual(page)
  })

  it('rename: converts each union branch by what the value looks like, and allOf compositions', async () => {
    const { downgradeResponse } = await core('rename')
    const found = {
      hits: [{ id: 1, title: 'Rex', status: 'sold' }, { text: 'good' }],
      featured: { id: 2, title: 'Max', status: 'on-hold', owner: 'Ann' },
    }
    expect(downgradeResponse('GET /search', '1', response(200, found)).body).toEqual({
      hits: [{ id: 1, name: 'Rex', status: 'sold' }, { label: 'good' }],
      featured: { id: 2, name: 'Max', status: 'pending', owner: 'Ann' },
    })
  })

  it('type-widening: requests pass unchanged; responses are narrowed back (rounded, written as text)', async () => {
    const { upgradeRequest, downgradeResponse } = await core('type-widening')
    const item = { sku: 'a', price: 1999, label: 'x' }
    expect(upgradeRequest('POST /items', '2024-01-01', request('POST', '/items', item)).body).toEqual(item)
    const listed = downgradeResponse('GET /items', '2024-01-01', response(200, [{ sku: 'a', price: 19.6, label: 5 }]))
    expect(listed.body).toEqual([{ sku: 'a', price: 20, label: '5' }])
  })

  it('removed-response-field: restores removed properties from a declared source or their default, recursively', async () => {
    const { downgradeResponse } = await core('removed-response-field')
    const user = { id: 'u1', name: 'Ann', manager: { id: 'u2', name: 'Bob' } }
    expect(downgradeResponse('GET /users/{}', '1', response(200, user)).body).toEqual({
      id: 'u1',
      name: 'Ann',
      nickname: 'Ann',
      legacyId: 0,
      manager: { id: 'u2', name: 'Bob', nickname: 'Bob', legacyId: 0 },
    })
    const list = downgradeResponse('GET /users', '1', response(200, { items: [{ id: 'u3', name: 'Cy' }] }))
    expect(list.body).toEqual({ items: [{ id: 'u3', name: 'Cy', nickname: 'Cy', legacyId: 0 }] })
  })

  it('moved-endpoint: moves old paths to new ones (parameters by position) and renames a query parameter', async () => {
    const { upgradeRequest } = await core('moved-endpoint')
    expect(upgradeRequest('GET /pets/{}', '1', request('GET', '/pets/42', undefined, { fields: 'name' }))).toMatchObject({
      path: '/animals/42',
      query: { fields: 'name' },
    })
    expect(upgradeRequest('GET /pets', '1', request('GET', '/pets', undefined, { q: 'rex' }))).toMatchObject({
      path: '/animals',
      query: { query: 'rex' },
    })
  })

  it('changed-status: shows the new status and media type as the old ones', async () => {
    const { downgradeResponse } = await core('changed-status')
    expect(downgradeResponse('POST /orders', '1', response(201, { id: 'o1', sku: 'a' }))).toMatchObject({ status: 200 })
    const problem = downgradeResponse('POST /orders', '1', response(400, { message: 'no' }, 'application/problem+json; charset=utf-8'))
    expect(problem).toMatchObject({ status: 400, headers: { 'content-type': 'application/json; charset=utf-8' } })
  })

  it('required-field-default: fills new required fields and parameters with their defaults, in nested items too', async () => {
    const { upgradeRequest } = await core('required-field-default')
    const upgraded = upgradeRequest('POST /payments', '1', request('POST', '/payments', { amount: 5, items: [{ sku: 'a' }] }))
    expect(upgraded.body).toEqual({ amount: 5, currency: 'EUR', items: [{ sku: 'a', quantity: 1 }] })
    expect(upgraded.query).toEqual({ region: 'eu' })
  })

  it('needs-a-person: stubs throw naming the change, and ADAPTER.md lists each as a checkbox', async () => {
    const { upgradeRequest, downgradeResponse } = await core('needs-a-person')
    expect(() => upgradeRequest('POST /invoices', '1', request('POST', '/invoices', { amount: 1 }))).toThrow(
      /not implemented: schema `InvoiceInput`: required property `customerId` added/,
    )
    expect(() => downgradeResponse('POST /invoices', '1', response(201, { id: 'i', amount: 1, customer: { id: 'c' } }))).toThrow(
      /not implemented: .*type changed from `string` to `object`/,
    )
    expect(() => upgradeRequest('POST /invoices/{}/archive', '1', request('POST', '/invoices/i/archive'))).toThrow(/operation removed in B/)
    const checklist = readFileSync(join(out, 'needs-a-person', 'ADAPTER.md'), 'utf8')
    expect(checklist.match(/^- \[ \] /gm)).toHaveLength(3)
    expect(checklist).toContain('`upgradeInvoiceInputByHand`')
  })
})
