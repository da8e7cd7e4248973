import type { DbChange } from './change.js'
import { findIgnoreComments, ignoreCommentChange, type IgnoreComment } from './ignore-comments.js'
import type { MigrationFile } from './migration-file.js'
import { parseSql, type ParsedFile } from './parse-sql.js'
import { replayFile, type RunState } from './replay-file.js'
import { emptySchema, type SchemaModel } from './schema-model.js'
import { substituteTemplates, type TemplateVars } from './templates.js'

export interface AnalyzeOptions {
  /** PostgreSQL major version for the lock facts (default 15). */
  readonly pgVersion?: number
  /** Treat every file as wrapped in one transaction, whatever its layout says. */
  readonly assumeInTransaction?: boolean
  /** `--var name=value` for template placeholders. */
  readonly vars?: TemplateVars
}

export interface Analysis {
  readonly changes: ReadonlyArray<DbChange>
  /** The schema after every file. */
  readonly schema: SchemaModel
  /** The `-- rollsafe-ignore` comments of the checked files. */
  readonly ignores: ReadonlyArray<IgnoreComment>
}

/**
 * Parses a migration after filling its template placeholders. A `{{ … }}` that no `--var` fills is an
 * input error only when the file does not parse as written (a placeholder in a string or a comment is text).
 */
function parseMigration(file: MigrationFile, vars: TemplateVars): ParsedFile {
  if (!file.text.includes('{{')) return parseSql(file.path, file.text)
  try {
    return parseSql(file.path, substituteTemplates(file.path, file.text, vars))
  } catch (error) {
    try {
      return parseSql(file.path, file.text)
    } catch {
      throw error
    }
  }
}

/** What one checked file gives: its changes and its ignore comments. */
export type FileAnalysis = (changes: ReadonlyArray<DbChange>, ignores: ReadonlyArray<IgnoreComment>) => void

/**
 * Replays `history` (state only), then each of `files` in order, handing each checked file's changes
 * to `onFile` as soon as it is replayed (so a caller can lint and drop them: the ASTs and schema
 * snapshots of one file need not outlive it). Returns the schema after every file.
 */
export function analyzeEach(
  files: ReadonlyArray<MigrationFile>,
  options: AnalyzeOptions,
  history: ReadonlyArray<MigrationFile>,
  base: SchemaModel,
  onFile: FileAnalysis,
): SchemaModel {
  const pgVersion = options.pgVersion ?? 15
  let state: RunState = { schema: base, searchPath: ['public'] }
  const run = (file: MigrationFile, isHistory: boolean): void => {
    const parsed = parseMigration(file, options.vars ?? {})
    const transactional = file.transactional || Boolean(options.assumeInTransaction)
    const result = replayFile(parsed, { ...state, searchPath: ['public'] }, { transactional, pgVersion, history: isHistory })
    if (!isHistory) {
      const found = findIgnoreComments(parsed)
      const notes = found.map((i) => ignoreCommentChange(i, state.schema, pgVersion))
      onFile(notes.length === 0 ? result.changes : [...notes, ...result.changes], found)
    }
    state = result.state
  }
  for (const file of history) run(file, true)
  for (const file of files) run(file, false)
  return state.schema
}

/**
 * Replays `history` (state only), then each of `files` in order, returning the changes of `files`.
 * Call `initParser()` once before.
 *
 * @example
 * await initParser()
 * const { changes } = analyzeMigrations([{ path: 'm.sql', text: 'drop table t;', transactional: false }])
 */
export function analyzeMigrations(
  files: ReadonlyArray<MigrationFile>,
  options: AnalyzeOptions = {},
  history: ReadonlyArray<MigrationFile> = [],
  base: SchemaModel = emptySchema,
): Analysis {
  const changes: DbChange[] = []
  const ignores: IgnoreComment[] = []
  const schema = analyzeEach(files, options, history, base, (fileChanges, found) => {
    for (const c of fileChanges) changes.push(c)
    ignores.push(...found)
  })
  return { changes, schema, ignores }
}
