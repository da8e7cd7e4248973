import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendPointer, pointerSegments } from './json-pointer.js'
import { loadApi } from './load-api.js'
import { locateInBlockYaml } from './locate-yaml-block.js'
import { parsedYamlLocator, yamlLocator } from './locate-yaml.js'
import { parseSource } from './read-document.js'

const corpus = '../shared/corpus/openapi'
const present = existsSync(corpus)
if (!present) console.warn(`load-corpus.test.ts: ${corpus} is absent, skipping the corpus documents`)

/** [folder, old file, new file, version, operations in old, operations in new] as SOURCES.md counts them. */
const pairs: ReadonlyArray<readonly [string, string, string, string, number, number]> = [
  ['twilio-oauth-v1', 'old.json', 'new.json', '3.0', 4, 5],
  ['adyen-binlookup-v54', 'old.json', 'new.json', '3.1', 2, 2],
  ['supabase-auth', 'old.yaml', 'new.yaml', '3.0', 51, 51],
  ['twilio-flex-v1', 'old.yaml', 'new.yaml', '3.0', 52, 50],
  ['ory-kratos', 'old.json', 'new.json', '2.0', 53, 56],
  ['harbor', 'old.yaml', 'new.yaml', '2.0', 205, 203],
  ['docker-engine', 'old.yaml', 'new.yaml', '2.0', 107, 107],
  ['adyen-checkout-v71', 'old.yaml', 'new.yaml', '3.1', 28, 28],
  ['discord', 'old.json', 'new.json', '3.1', 223, 221],
  ['box', 'old.json', 'new.json', '3.0', 264, 263],
  ['digitalocean', 'old/DigitalOcean-public.v2.yaml', 'new/DigitalOcean-public.v2.yaml', '3.0', 660, 659],
  ['stripe', 'old.json', 'new.json', '3.0', 390, 395],
]

describe.skipIf(!present)('loadApi on the real corpus', () => {
  it.each(pairs)('%s loads both versions with every operation', async (folder, oldFile, newFile, version, oldCount, newCount) => {
    const [before, after] = await Promise.all([loadApi(join(corpus, folder, oldFile)), loadApi(join(corpus, folder, newFile))])
    expect([before.specVersion, after.specVersion]).toEqual([version, version])
    expect([before.operations.size, after.operations.size]).toEqual([oldCount, newCount])
  })

  it('locates operations defined in DigitalOcean operation files', async () => {
    const model = await loadApi(join(corpus, 'digitalocean/old/DigitalOcean-public.v2.yaml'))
    const list = model.operations.get('GET /v2/1-clicks')
    expect(list?.ref).toEqual({ file: join(corpus, 'digitalocean/old/resources/1-clicks/oneClicks_list.yml'), pointer: '' })
    expect(model.locate(list?.ref ?? { file: '' })).toEqual({ line: 1, column: 1 })
  })

  it("locates Harbor definitions after its YAML quirk (an unindented quoted continuation line)", async () => {
    const model = await loadApi(join(corpus, 'harbor/old.yaml'))
    const place = model.locate({ file: model.file, pointer: '/definitions/ProjectMetadata/properties/retention_id' })
    expect(place?.line).toBe(7342)
  })
})

/** Where the yaml package itself goes wrong: Harbor's quirk makes it recover a different tree. */
const yamlPackageWrong = /\/ProjectMetadata\/properties\/reuse_sys_cve_allowlist\//

describe.skipIf(!present)('the YAML locator on the real corpus', () => {
  it.each([
    'supabase-auth/old.yaml',
    'twilio-flex-v1/new.yaml',
    'harbor/old.yaml',
    'docker-engine/new.yaml',
    'adyen-checkout-v71/old.yaml',
    'adyen-checkout-v71/new.yaml',
  ])('agrees with the yaml package on nodes spread over the whole of %s', (name) => {
    const text = readFileSync(join(corpus, name), 'utf8')
    const all: string[] = []
    const walk = (value: unknown, pointer: string): void => {
      all.push(pointer)
      if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) walk(child, appendPointer(pointer, key))
    }
    walk(parseSource(name, name, text).value, '')
    // Every n-th node, so the sample reaches the end of the file (components after paths).
    const stride = Math.max(1, Math.floor(all.length / 1500))
    const pointers = all.filter((pointer, i) => i % stride === 0 && !yamlPackageWrong.test(pointer))
    const lines = text.split('\n')
    const fast = yamlLocator(text)
    const slow = parsedYamlLocator(text)
    let answered = 0
    for (const pointer of pointers) {
      expect(fast(pointer), pointer).toEqual(slow(pointer))
      if (locateInBlockYaml(lines, pointerSegments(pointer)) !== undefined) answered++
    }
    expect(answered).toBeGreaterThan(pointers.length * 0.9)
  })
})
