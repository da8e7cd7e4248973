import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ToolInfo } from '../report/report-input.js'

interface PackageJson {
  readonly name?: string
  readonly version?: string
  readonly homepage?: string
  readonly repository?: string | { readonly url?: string }
}

/** rollsafe's own package.json, above this module both in src/cli and, once built, in dist/src/cli. */
function readOwnPackage(): PackageJson {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as PackageJson
      if (json.name === 'rollsafe') return json
    }
    const parent = dirname(dir)
    if (parent === dir) return {}
    dir = parent
  }
}

/** `https://github.com/owner/name` from the forms package.json allows, for GitHub-hosted sources. */
export function githubRepositoryUrl(repository: PackageJson['repository']): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url
  if (url === undefined) return undefined
  const match =
    /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url) ?? /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url)
  return match ? `https://github.com/${match[1]}` : undefined
}

/**
 * rollsafe as SARIF names it: its version, home page, and where `docs/rules/<id>.md` is published
 * (the tag `v<version>` of its GitHub repository). Without a `repository` in package.json, rules
 * carry no help link.
 *
 * @example toolInfo() // { version: '0.1.0' }
 */
export function toolInfo(): ToolInfo {
  const pkg = readOwnPackage()
  const version = pkg.version ?? '0.0.0'
  const repository = githubRepositoryUrl(pkg.repository)
  const informationUri = pkg.homepage ?? repository
  return {
    version,
    ...(informationUri === undefined ? {} : { informationUri }),
    ...(repository === undefined ? {} : { rulesDocsUrl: `${repository}/blob/v${version}/docs/rules/` }),
  }
}
