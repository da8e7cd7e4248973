import type { Config } from '../config/config.js'
import type { BaseRevision } from './base-revision.js'
import type { RepoPaths } from './repo-paths.js'

/** What every part of `rollsafe check` works from. */
export interface CheckContext {
  readonly config: Config
  readonly paths: RepoPaths
  /** Version A, with `--base`. */
  readonly base?: BaseRevision
  /** `YYYY-MM-DD`, for sunset dates and rules. */
  readonly today: string
  /** A line for stderr: what was skipped and why. */
  readonly note: (message: string) => void
}
