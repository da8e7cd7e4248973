// The findings on the corpus pairs that were read by hand against the documents
// (docs/audit/corpus-api-findings.md): every rule runs, and each pair's findings must stay exactly
// as reviewed in test/golden/corpus/<pair>.txt. A changed golden is a changed verdict on real
// documents: read it against the documents before accepting it (`-u`).
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkApi } from '../src/api/check-api.js'
import type { Finding } from '../src/core/finding.js'

const corpus = join('..', 'shared', 'corpus', 'openapi')
const present = existsSync(corpus)
if (!present) console.warn(`corpus findings tests skipped: ${corpus} is absent`)

function pairFiles(name: string): readonly [string, string] {
  const dir = join(corpus, name)
  const ext = existsSync(join(dir, 'old.json')) ? 'json' : 'yaml'
  return [join(dir, `old.${ext}`), join(dir, `new.${ext}`)]
}

/** `error operation-removed discord/old.json:5714 | DELETE /guilds/{guild_id}: …` */
function line(finding: Finding): string {
  const where = `${relative(corpus, finding.location.file)}:${finding.location.line ?? '?'}`
  return `${finding.severity} ${finding.rule} ${where} | ${finding.message}`
}

async function findingsOf(name: string): Promise<ReadonlyArray<Finding>> {
  const [oldFile, newFile] = pairFiles(name)
  return checkApi(oldFile, newFile, { today: '2026-01-01' })
}

describe.skipIf(!present)('findings on the corpus pairs read by hand', () => {
  it.each(['stripe', 'discord', 'adyen-checkout-v71'])('%s', async (name) => {
    const text = `${(await findingsOf(name)).map(line).join('\n')}\n`
    await expect(text).toMatchFileSnapshot(join('golden', 'corpus', `${name}.txt`))
  })

  it('ory-kratos: both enum values added to uiNode.group (saml, captcha) are reported', async () => {
    const group = (await findingsOf('ory-kratos')).filter(
      (finding) => finding.operation === 'GET /self-service/login/flows' && finding.location.pointer === '/definitions/uiNode/properties/group',
    )
    expect(group.map((finding) => finding.message)).toEqual([
      'GET /self-service/login/flows: response 200 property `ui.nodes[].group` enum value `captcha` added',
      'GET /self-service/login/flows: response 200 property `ui.nodes[].group` enum value `saml` added',
    ])
  })
})
