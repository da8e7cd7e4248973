import { mkdtemp, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MigrationSource } from '../config/config.js'
import { sortFindings, type Finding } from '../core/finding.js'
import { rulesOf } from '../core/registry.js'
import { runRules } from '../core/run-rules.js'
import { checkMigrationFiles } from '../db/check-db.js'
import { readMigrations } from '../db/layouts/detect-layout.js'
import { readMigrationFolder } from '../db/layouts/read-folder.js'
import type { MigrationFile } from '../db/migration-file.js'
import { diffMigrationHistory } from '../db/migration-history.js'
import type { BaseRevision } from './base-revision.js'
import type { CheckContext } from './check-context.js'
import { RepoPaths } from './repo-paths.js'

/** Migrations read from disk, named as findings name them; `source` is where each was read. */
interface ReadMigration {
  readonly file: MigrationFile
  readonly source: string
}

async function readNamed(dir: string, layout: string, paths: RepoPaths): Promise<ReadonlyArray<ReadMigration>> {
  const files = await readMigrationFolder(dir, layout)
  return files.map((file) => ({ file: { ...file, path: paths.fromAbsolute(file.path) }, source: file.path }))
}

/** The text as written (a Kysely module, not the SQL it records), for comparing revisions. */
const written = (m: ReadMigration) => ({ path: m.file.path, text: readFileSync(m.source, 'utf8') })

/**
 * With `--base`: the folder at the base revision is history (it may have run), whatever is new since
 * is checked, and a migration of the base that was edited or deleted is a finding.
 */
async function splitAtBase(source: MigrationSource, current: ReadonlyArray<ReadMigration>, context: CheckContext, base: BaseRevision) {
  const mirror = await mkdtemp(join(tmpdir(), 'rollsafe-base-'))
  try {
    const dir = await base.materialize(context.paths.shown(source.path), mirror)
    // The copy mirrors the repository from its root: name its files as the repository's.
    const atBase = dir === undefined ? [] : await readNamed(dir, source.layout, new RepoPaths(mirror, ''))
    const diff = diffMigrationHistory(atBase.map(written), current.map(written), base.name)
    return {
      history: atBase.map((m) => m.file),
      checked: current.filter((m) => !diff.known.has(m.file.path)).map((m) => m.file),
      findings: runRules(diff.changes, rulesOf('db'), { context: { today: context.today } }),
    }
  } finally {
    await rm(mirror, { recursive: true, force: true })
  }
}

async function checkSource(source: MigrationSource, context: CheckContext): Promise<ReadonlyArray<Finding>> {
  const { paths, base, config, today } = context
  const current = await readNamed(paths.absolute(source.path), source.layout, paths)
  const split =
    base === undefined
      ? {
          history: (await readMigrations(source.history.map((h) => paths.absolute(h)))).map((f) => ({ ...f, path: paths.fromAbsolute(f.path) })),
          checked: current.map((m) => m.file),
          findings: [],
        }
      : await splitAtBase(source, current, context, base)
  if (split.checked.length === 0) return split.findings
  const options = { today, pgVersion: config.postgresVersion ?? 15 }
  const result = await checkMigrationFiles(split.checked, options, split.history)
  return [...split.findings, ...result.findings]
}

/**
 * The database part of `rollsafe check`: each migration folder the config names, one database each.
 * Returns every finding, before policy.
 *
 * @example const findings = await checkMigrationSources(context)
 */
export async function checkMigrationSources(context: CheckContext): Promise<ReadonlyArray<Finding>> {
  const findings: Finding[] = []
  for (const source of context.config.migrations) findings.push(...(await checkSource(source, context)))
  return sortFindings(findings)
}
