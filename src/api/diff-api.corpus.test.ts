import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ApiChange } from './change.js'
import { diffApi } from './diff-api.js'
import { loadApi } from './load-api.js'

const corpus = fileURLToPath(new URL('../../../shared/corpus/openapi', import.meta.url))
const present = existsSync(corpus)
if (!present) console.warn(`diff-api corpus tests skipped: ${corpus} is absent`)

/** The root files of one corpus pair. */
function pairFiles(name: string): readonly [string, string] {
  const dir = join(corpus, name)
  if (name === 'digitalocean') return [join(dir, 'old/DigitalOcean-public.v2.yaml'), join(dir, 'new/DigitalOcean-public.v2.yaml')]
  const ext = existsSync(join(dir, 'old.json')) ? 'json' : 'yaml'
  return [join(dir, `old.${ext}`), join(dir, `new.${ext}`)]
}

async function diffPair(name: string): Promise<ReadonlyArray<ApiChange>> {
  const [oldFile, newFile] = pairFiles(name)
  const [a, b] = await Promise.all([loadApi(oldFile), loadApi(newFile)])
  const changes = diffApi(a, b)
  // Deterministic: a second diff of the same models gives the same list.
  expect(diffApi(a, b).map(line)).toEqual(changes.map(line))
  return changes
}

/** One readable line per change: operation, kind, where, and what. */
function line(change: ApiChange): string {
  const fields = change as unknown as Record<string, unknown>
  const place = 'path' in change ? [change.direction, change.status ?? '', [...change.path, fields.name ?? ''].join('.')] : []
  return [change.operation, change.kind, ...place].join(' ').trim()
}

function countKinds(changes: ReadonlyArray<ApiChange>): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1
  return counts
}

describe.skipIf(!present)('diffApi on the real corpus', () => {
  it('adyen-binlookup: only the response property surchargeType is removed', async () => {
    expect((await diffPair('adyen-binlookup-v54')).map(line)).toEqual([
      'POST /getCostEstimate property-removed response 200 surchargeType',
    ])
  })

  it('discord: two operations removed and the request property owner_id removed, nothing else', async () => {
    expect((await diffPair('discord')).map(line)).toEqual([
      'DELETE /guilds/{} operation-removed',
      'PATCH /guilds/{} property-removed request  owner_id',
      'POST /guilds/{}/mfa operation-removed',
    ])
  })

  it('box: one operation removed, and parent_folder no longer required wherever SignRequest goes', async () => {
    const changes = await diffPair('box')
    expect(changes[0]).toMatchObject({ kind: 'operation-removed', operation: 'GET /metadata_query_indices' })
    const rest = changes.slice(1)
    expect(rest.length).toBeGreaterThan(0)
    for (const change of rest) expect(change).toMatchObject({ kind: 'property-required-changed', name: 'parent_folder', required: false })
  })

  it('stripe: payment links added, the renamed shipping_address_collection component is no change', async () => {
    const changes = await diffPair('stripe')
    expect(countKinds(changes)).toEqual({ 'operation-added': 5, 'property-added': 4 })
    for (const change of changes.filter((c) => c.kind === 'operation-added')) expect(change.operation).toMatch(/^(GET|POST) \/v1\/payment_links/)
    for (const change of changes.filter((c) => c.kind === 'property-added')) expect(change).toMatchObject({ name: 'payment_link' })
  })

  it('twilio-oauth: the renamed openid-configuration path is one operation removed and one added, plus device/code', async () => {
    expect((await diffPair('twilio-oauth-v1')).map(line)).toEqual([
      'GET /v1/.well-known/openid-configuration operation-added',
      'GET /v1/well-known/openid-configuration operation-removed',
      'POST /v1/device/code operation-added',
    ])
  })

  it('harbor (Swagger 2.0): robot endpoints removed, with_signature removed, scope removed, enum values added', async () => {
    const changes = await diffPair('harbor')
    const removed = changes.filter((c) => c.kind === 'operation-removed').map((c) => c.operation)
    expect(removed).toHaveLength(5)
    for (const operation of removed) expect(operation).toMatch(/\/projects\/\{\}\/robots/)
    const parameters = changes.filter((c) => c.kind === 'parameter-removed')
    expect(parameters.map((c) => c.kind === 'parameter-removed' && c.before.name)).toEqual(['with_signature', 'with_signature'])
    expect(changes.filter((c) => c.kind === 'property-removed').every((c) => c.kind === 'property-removed' && c.name === 'scope')).toBe(true)
    expect(countKinds(changes)['enum-value-added']).toBe(2)
  })

  it('docker-engine (Swagger 2.0): the deprecated properties removed, one parameter added', async () => {
    const counts = countKinds(await diffPair('docker-engine'))
    expect(counts['property-removed']).toBe(14)
    expect(counts['parameter-added']).toBe(1)
  })

  it('digitalocean (multi-file): secrets endpoints removed, new endpoints added, disk_info type gains remote', async () => {
    const changes = await diffPair('digitalocean')
    const removed = changes.filter((c) => c.kind === 'operation-removed').map((c) => c.operation)
    expect(removed).toHaveLength(7)
    for (const operation of removed) expect(operation).toMatch(/\/v2\/security\/secrets/)
    expect(countKinds(changes)['operation-added']).toBe(6)
    const remote = changes.filter((c) => c.kind === 'enum-value-added' && c.value === 'remote')
    expect(remote.length).toBeGreaterThan(0)
  })

  it('adyen-checkout: alma moved from PaymentDetails into the new AlmaDetails branch is still accepted', async () => {
    const payments = (await diffPair('adyen-checkout-v71')).filter((c) => c.operation === 'POST /payments')
    const removedValues = payments.filter((c) => c.kind === 'enum-value-removed' && c.direction === 'request')
    expect(removedValues.map(line)).toEqual([])
    const added = payments.filter((c) => c.kind === 'union-branch-added').map((c) => (c.kind === 'union-branch-added' ? c.branch.name : ''))
    expect(added).toContain('AlmaDetails')
  })

  it.each(['adyen-checkout-v71', 'ory-kratos', 'supabase-auth', 'twilio-flex-v1'])('%s: diffs without error', async (name) => {
    expect((await diffPair(name)).length).toBeGreaterThan(0)
  })
})
