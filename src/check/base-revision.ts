import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { GitBlobReader } from './git-blob-reader.js'
import { listFiles, resolveCommit } from './git.js'

/**
 * Version A: the files of the `--base` revision, read from git without touching the work tree.
 * Paths are relative to the repository root.
 *
 * @example
 * const base = await openBaseRevision('/repo', 'origin/main')
 * try { await base.readText('openapi.yaml') } finally { base.close() }
 */
export interface BaseRevision {
  /** The revision as the user named it (`origin/main`): what findings say. */
  readonly name: string
  readonly commit: string
  /** The file's text at the revision; rejects with an `ENOENT` error when it has none. */
  readText(path: string): Promise<string>
  /** Whether the revision has this file. */
  has(path: string): Promise<boolean>
  /**
   * Writes every file under `dir` at the revision into `target`, at the same path from the root, and
   * returns the copy of `dir`; undefined when the revision has no such folder.
   */
  materialize(dir: string, target: string): Promise<string | undefined>
  close(): void
}

function notFound(path: string, revision: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${revision}:${path}: no such file`), { code: 'ENOENT' })
}

/** Opens `name` (a branch, tag or commit) of the repository at `root`; an unknown one is an `InputError`. */
export async function openBaseRevision(root: string, name: string): Promise<BaseRevision> {
  const commit = await resolveCommit(root, name)
  const reader = new GitBlobReader(root)
  const read = (path: string): Promise<Buffer | undefined> => (path.startsWith('../') ? Promise.resolve(undefined) : reader.read(`${commit}:${path}`))
  return {
    name,
    commit,
    async readText(path) {
      const content = await read(path)
      if (content === undefined) throw notFound(path, name)
      return content.toString('utf8')
    },
    async has(path) {
      return (await read(path)) !== undefined
    },
    async materialize(dir, target) {
      const files = await listFiles(root, commit, dir)
      if (files.length === 0) return undefined
      const contents = await Promise.all(files.map((file) => read(file)))
      files.forEach((file, i) => {
        const content = contents[i]
        if (content === undefined) return // a submodule or a symlink to nowhere: not a migration
        const path = join(target, file)
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, content)
      })
      return join(target, dir)
    },
    close: () => reader.close(),
  }
}
