import type { HistoryChange } from './history-change.js'

/** A file's path (as findings name it) and its text as written. */
export interface FileText {
  readonly path: string
  readonly text: string
}

export interface MigrationHistoryDiff {
  /** `migration-edited` and `migration-deleted` changes, in path order. */
  readonly changes: ReadonlyArray<HistoryChange>
  /** Paths of the migrations that exist at the revision: history, not checked. */
  readonly known: ReadonlySet<string>
}

const lines = (text: string): ReadonlyArray<string> => text.replace(/\r\n?/g, '\n').split('\n')

/**
 * The first line (1-based, in `now`) where the texts differ, or undefined when they are equal up to line endings.
 *
 * @example firstDifferentLine('a\nb\n', 'a\nB\n') // 2
 */
export function firstDifferentLine(before: string, now: string): number | undefined {
  const a = lines(before)
  const b = lines(now)
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return Math.max(1, Math.min(i + 1, b.length))
  }
  return undefined
}

/**
 * Compares a migration folder at a git revision (`base`, the files as written there) with the working
 * tree (`current`): a migration present in both must be unchanged, and none may disappear, because the
 * revision's migrations may already have run. Files are matched by path; line endings do not count.
 *
 * @example
 * const { changes, known } = diffMigrationHistory(atBase, now, 'origin/main')
 * const toCheck = now.filter((file) => !known.has(file.path))
 */
export function diffMigrationHistory(base: ReadonlyArray<FileText>, current: ReadonlyArray<FileText>, revision: string): MigrationHistoryDiff {
  const now = new Map(current.map((file) => [file.path, file.text]))
  const changes: HistoryChange[] = []
  for (const file of [...base].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    const text = now.get(file.path)
    if (text === undefined) {
      changes.push({ kind: 'migration-deleted', direction: 'none', object: file.path, at: { file: file.path, revision }, revision })
      continue
    }
    const line = firstDifferentLine(file.text, text)
    if (line !== undefined) {
      changes.push({ kind: 'migration-edited', direction: 'none', object: file.path, at: { file: file.path, line }, revision, line })
    }
  }
  return { changes, known: new Set(base.map((file) => file.path)) }
}
