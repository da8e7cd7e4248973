import type { Config } from '../config/config.js'
import { InputError } from '../core/errors.js'
import { sortFindings, type Finding } from '../core/finding.js'
import { openBaseRevision, type BaseRevision } from './base-revision.js'
import { checkApiDocuments } from './check-api-documents.js'
import type { CheckContext } from './check-context.js'
import { checkMigrationSources } from './check-migration-sources.js'
import { findRepo } from './git.js'
import { RepoPaths } from './repo-paths.js'

export interface CheckOptions {
  readonly config: Config
  /** `--base REF`: version A is this git revision. */
  readonly base?: string
  readonly today: string
  /** Where notes go (skipped documents); stderr in the CLI. */
  readonly note?: (message: string) => void
}

export interface CheckResult {
  readonly findings: ReadonlyArray<Finding>
  /** What was compared, for the report's heading: `openapi.yaml, db/migrations since origin/main`. */
  readonly title: string
}

/**
 * `rollsafe check`: the API documents and migration folders of a config, against `--base` (read
 * from git, the work tree untouched) or the config's explicit old files. Paths in findings are
 * relative to the repository root. Returns every finding, before policy.
 *
 * @example
 * const { findings, title } = await runCheck({ config, base: 'origin/main', today: '2026-01-01' })
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const { config } = options
  if (config.api.length === 0 && config.migrations.length === 0) {
    throw new InputError(`${config.file}: names nothing to check: write \`api:\` or \`migrations:\``)
  }
  const repo = await findRepo(config.dir)
  if (options.base !== undefined && repo === undefined) throw new InputError(`--base ${options.base}: ${config.dir} is not in a git repository`)
  const paths = new RepoPaths(config.dir, repo?.prefix ?? '')
  const base: BaseRevision | undefined = options.base === undefined || repo === undefined ? undefined : await openBaseRevision(repo.root, options.base)
  const context: CheckContext = {
    config,
    paths,
    ...(base === undefined ? {} : { base }),
    today: options.today,
    note: options.note ?? (() => {}),
  }
  try {
    const api = await checkApiDocuments(context)
    const db = await checkMigrationSources(context)
    const names = [...config.api.map((d) => paths.shown(d.new)), ...config.migrations.map((m) => paths.shown(m.path))]
    return {
      findings: sortFindings([...api, ...db]),
      title: `${names.join(', ')}${base === undefined ? '' : ` since ${base.name}`}`,
    }
  } finally {
    base?.close()
  }
}
