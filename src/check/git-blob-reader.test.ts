import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { GitBlobReader } from './git-blob-reader.js'
import { findRepo, listFiles, resolveCommit } from './git.js'

const repo = mkdtempSync(join(tmpdir(), 'rollsafe-git-'))
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' })
git('init', '-q', '-b', 'main')
const large = 'x'.repeat(3_000_000)
writeFileSync(join(repo, 'a.yaml'), 'openapi: 3.0.3\n')
writeFileSync(join(repo, 'large.txt'), large)
git('add', '.')
git('commit', '-qm', 'base')
writeFileSync(join(repo, 'a.yaml'), 'openapi: 3.1.0\n')
afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('git access', () => {
  it('reads files of a revision in request order, large ones whole, missing ones as undefined', async () => {
    const reader = new GitBlobReader(repo)
    try {
      const [a, missing, big, folder] = await Promise.all([
        reader.read('main:a.yaml'),
        reader.read('main:nope.yaml'),
        reader.read('main:large.txt'),
        reader.read('main:'),
      ])
      expect(a?.toString()).toBe('openapi: 3.0.3\n')
      expect(missing).toBeUndefined()
      expect(big?.length).toBe(large.length)
      expect(folder).toBeUndefined()
    } finally {
      reader.close()
    }
  })

  it('resolves refs, lists files and finds the repository', async () => {
    expect(await resolveCommit(repo, 'main')).toMatch(/^[0-9a-f]{40}$/)
    await expect(resolveCommit(repo, 'origin/nope')).rejects.toThrow(/--base origin\/nope: no such commit/)
    expect(await listFiles(repo, 'main', '')).toEqual(['a.yaml', 'large.txt'])
    expect((await findRepo(repo))?.prefix).toBe('')
    expect(await findRepo(tmpdir())).toBeUndefined()
  })
})
