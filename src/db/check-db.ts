import type { Finding } from '../core/finding.js'
import { findRule, rulesOf } from '../core/registry.js'
import type { ChangeKind, Rule } from '../core/rule.js'
import { runRules } from '../core/run-rules.js'
import { resolve } from 'node:path'
import { sortFindings } from '../core/finding.js'
import { analyzeEach, type Analysis, type AnalyzeOptions } from './analyze.js'
import type { DbChange } from './change.js'
import { applyIgnoreComments, unusedIgnoreChange, type IgnoreComment } from './ignore-comments.js'
import { readMigrations } from './layouts/detect-layout.js'
import type { MigrationFile } from './migration-file.js'
import { initParser } from './parse-sql.js'
import type { SchemaSource } from './schema-source.js'
import { emptySchema, type SchemaModel } from './schema-model.js'

export interface CheckDbOptions extends AnalyzeOptions {
  /** `YYYY-MM-DD`, handed to rules. */
  readonly today: string
  /** Rules to run; every db rule by default. */
  readonly rules?: ReadonlyArray<Rule<ChangeKind>>
  /** Id → current id, for ignores naming a former id. */
  readonly resolveId?: (id: string) => string
  /** Rewrites each file's findings knowing its changes (the CLI points splittable statements to `rollsafe plan`). */
  readonly annotate?: (findings: ReadonlyArray<Finding>, changes: ReadonlyArray<DbChange>) => ReadonlyArray<Finding>
}

/**
 * Turns migrations into changes. Static replay (`analyzeMigrations`) by default; `--trace` plugs in
 * an analyzer that replays on a shadow database and merges what it observes.
 */
export type Analyzer = (
  files: ReadonlyArray<MigrationFile>,
  options: AnalyzeOptions,
  history: ReadonlyArray<MigrationFile>,
  base: SchemaModel,
) => Promise<Analysis>

export interface DbCheckResult {
  readonly findings: ReadonlyArray<Finding>
  /** Findings accepted by `-- rollsafe-ignore` comments. */
  readonly ignored: number
}

/**
 * Applies the ignore comments to the rules' findings, then lets the rules see what the comments
 * ignored in vain (`ignore-unused`: `unused-ignore` reports them): a comment's rule that ran and
 * accepted nothing, or an id that is no rule. A rule the run left out (turned off, opt-in, another
 * area) may be waived ahead of its use; `unused-ignore` itself is never reported unused.
 */
function lintWithIgnores(
  findings: ReadonlyArray<Finding>,
  ignores: ReadonlyArray<IgnoreComment>,
  rules: ReadonlyArray<Rule<ChangeKind>>,
  options: CheckDbOptions,
): DbCheckResult {
  const resolveId = options.resolveId ?? ((id: string) => id)
  const first = applyIgnoreComments(findings, ignores, resolveId)
  const ran = new Set(rules.map((r) => r.id))
  const changes = first.unused
    .filter((u) => resolveId(u.rule) !== 'unused-ignore')
    .map((u) => ({ unused: u, known: findRule(u.rule) !== undefined }))
    .filter(({ unused, known }) => !known || ran.has(resolveId(unused.rule)))
    .map(({ unused, known }) => unusedIgnoreChange(unused, known, emptySchema, options.pgVersion ?? 15))
  if (changes.length === 0) return { findings: first.findings, ignored: first.ignored }
  const more = applyIgnoreComments(runRules(changes, rules, { context: { today: options.today } }), ignores, resolveId)
  return { findings: sortFindings([...first.findings, ...more.findings]), ignored: first.ignored + more.ignored }
}

/** Runs the rules over changes and applies the ignore comments. */
export function lintChanges(
  changes: ReadonlyArray<DbChange>,
  ignores: ReadonlyArray<IgnoreComment>,
  options: CheckDbOptions,
): DbCheckResult {
  const rules = options.rules ?? rulesOf('db')
  return lintWithIgnores(runRules(changes, rules, { context: { today: options.today } }), ignores, rules, options)
}

/** Checks migration files already read (the fixtures runner and `checkDb` share this). */
export async function checkMigrationFiles(
  files: ReadonlyArray<MigrationFile>,
  options: CheckDbOptions,
  history: ReadonlyArray<MigrationFile> = [],
  base: SchemaModel = emptySchema,
  analyzer?: Analyzer,
): Promise<DbCheckResult> {
  if (analyzer !== undefined) {
    const analysis = await analyzer(files, options, history, base)
    const result = lintChanges(analysis.changes, analysis.ignores, options)
    return options.annotate === undefined ? result : { ...result, findings: options.annotate(result.findings, analysis.changes) }
  }
  // Static: lint each file as soon as it is replayed, so its ASTs and snapshots are garbage early.
  await initParser()
  const rules = options.rules ?? rulesOf('db')
  const findings: Finding[] = []
  const ignores: IgnoreComment[] = []
  analyzeEach(files, options, history, base, (changes, found) => {
    const own = runRules(changes, rules, { context: { today: options.today } })
    for (const f of options.annotate?.(own, changes) ?? own) findings.push(f)
    ignores.push(...found)
  })
  return lintWithIgnores(sortFindings(findings), ignores, rules, options)
}

/**
 * `rollsafe db MIGRATION...`: each file or folder in order, against the schema that `history` and
 * `schema` produce. Returns every finding, before policy.
 *
 * @example
 * const { findings } = await checkDb(['migrations/'], { today: '2026-01-01', history: ['old/'] })
 */
export async function checkDb(
  paths: ReadonlyArray<string>,
  options: CheckDbOptions & {
    readonly history?: ReadonlyArray<string>
    readonly schema?: SchemaSource
    readonly analyzer?: Analyzer
  },
): Promise<DbCheckResult> {
  const [files, allHistory] = await Promise.all([
    readMigrations(paths, options.assumeInTransaction),
    readMigrations(options.history ?? [], options.assumeInTransaction),
  ])
  // `--history dir/ dir/last.sql`: a file both applied and checked is checked, not replayed twice.
  const checked = allHistory.length === 0 ? new Set<string>() : new Set(files.map((f) => resolve(f.path)))
  const history = allHistory.filter((f) => !checked.has(resolve(f.path)))
  const base = options.schema === undefined ? emptySchema : await options.schema.load(options)
  return checkMigrationFiles(files, options, history, base, options.analyzer)
}
