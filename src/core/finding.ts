/** How bad a finding is: `error` means version A or its clients break. */
export type Severity = 'error' | 'warning' | 'info'

export const severities: ReadonlyArray<Severity> = ['error', 'warning', 'info']

/** Higher is worse: `rank('error') > rank('warning')`. */
export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1
}

export type Area = 'api' | 'db'

/** Where a finding points: a file plus a line (1-based) and, for API documents, the JSON pointer. */
export interface Location {
  readonly file: string
  readonly line?: number
  readonly column?: number
  /** JSON pointer into an API document, or `statement N` for SQL. */
  readonly pointer?: string
  /**
   * The git revision the file and line are in, when not the working tree: a place in version A's
   * document at `rollsafe check --base origin/main` (a removed operation) is `revision: 'origin/main'`.
   */
  readonly revision?: string
}

/**
 * One verdict about one change. Plain JSON-ready data; `--format json` prints these.
 *
 * @example
 * { rule: 'response-property-removed', severity: 'error', area: 'api',
 *   message: 'GET /pets: response 200 property `name` removed',
 *   location: { file: 'old.yaml', line: 40 }, operation: 'GET /pets' }
 */
export interface Finding {
  readonly rule: string
  readonly severity: Severity
  readonly message: string
  readonly area: Area
  readonly location: Location
  /** `GET /pets/{}` for API findings: method plus path template with parameter names erased. */
  readonly operation?: string
  /** `public.users.email` for database findings. */
  readonly object?: string
  /** The safe alternative, short. */
  readonly fix?: string
}

function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? ''
  const y = b ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * The one stable order of findings: file, line, column, rule, then the rest of the data. Places in
 * another revision of a file (version A's, at `--base`) follow those in the working tree's.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.location.file, b.location.file) ||
    compareText(a.location.revision, b.location.revision) ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0) ||
    compareText(a.rule, b.rule) ||
    compareText(a.operation, b.operation) ||
    compareText(a.object, b.object) ||
    compareText(a.message, b.message)
  )
}

export function sortFindings(findings: ReadonlyArray<Finding>): ReadonlyArray<Finding> {
  return [...findings].sort(compareFindings)
}
