import { execFile } from 'node:child_process'
import { InputError } from '../core/errors.js'

/** A git command failed: its first line of stderr, or how it could not start. */
class GitError extends Error {
  override readonly name = 'GitError'
}

/**
 * Runs `git ARGS` in `cwd` and returns its stdout. A failure is a `GitError` carrying git's own
 * first line of complaint; git missing from PATH is an `InputError`.
 *
 * @example await runGit('/repo', ['rev-parse', '--show-toplevel']) // '/repo\n'
 */
export function runGit(cwd: string, args: ReadonlyArray<string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) return resolve(stdout)
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new InputError('git is not installed (or not on PATH)'))
      reject(new GitError(stderr.trim().split('\n')[0] || error.message))
    })
  })
}

/** Where `dir` sits in its git repository: the root, and `dir`'s path from it (`services/pets/`, or `''`). */
export interface RepoPlace {
  readonly root: string
  readonly prefix: string
}

/**
 * The repository `dir` is in, or undefined when it is in none.
 *
 * @example await findRepo('/repo/services/pets') // { root: '/repo', prefix: 'services/pets/' }
 */
export async function findRepo(dir: string): Promise<RepoPlace | undefined> {
  try {
    const [root = '', prefix = ''] = (await runGit(dir, ['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n')
    return { root, prefix }
  } catch (error) {
    if (error instanceof InputError) throw error
    return undefined
  }
}

/**
 * The commit a ref names (`origin/main`, a tag, a SHA), or an `InputError` that says how to get it
 * (CI checkouts are shallow and lack the base commit).
 *
 * @example await resolveCommit('/repo', 'origin/main') // 'a1b2c3…'
 */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new InputError(`--base ${ref}: not a git revision`)
  try {
    return (await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim()
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(
      `--base ${ref}: no such commit in this repository (a shallow clone lacks it: git fetch --depth=1 origin ${ref}, or check out with fetch-depth: 0)`,
    )
  }
}

/**
 * The files under `dir` (a path from the repository root; `''` for all) at `commit`, as paths from
 * the root.
 *
 * @example await listFiles('/repo', commit, 'db/migrations') // ['db/migrations/001_init.sql', …]
 */
export async function listFiles(root: string, commit: string, dir: string): Promise<ReadonlyArray<string>> {
  const out = await runGit(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', dir === '' ? '.' : dir])
  return out.split('\0').filter((path) => path !== '')
}
