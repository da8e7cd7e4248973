import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { githubRepositoryUrl, toolInfo } from './tool-info.js'

describe('toolInfo', () => {
  it("reports rollsafe's own version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    expect(toolInfo().version).toBe(pkg.version)
  })

  it('reads the repository forms package.json allows', () => {
    expect(githubRepositoryUrl('git+https://github.com/acme/rollsafe.git')).toBe('https://github.com/acme/rollsafe')
    expect(githubRepositoryUrl({ url: 'https://github.com/acme/rollsafe' })).toBe('https://github.com/acme/rollsafe')
    expect(githubRepositoryUrl('git@github.com:acme/rollsafe.git')).toBe('https://github.com/acme/rollsafe')
    expect(githubRepositoryUrl('github:acme/rollsafe')).toBe('https://github.com/acme/rollsafe')
    expect(githubRepositoryUrl('acme/rollsafe')).toBe('https://github.com/acme/rollsafe')
    expect(githubRepositoryUrl('https://gitlab.com/acme/rollsafe.git')).toBeUndefined()
    expect(githubRepositoryUrl(undefined)).toBeUndefined()
  })
})
