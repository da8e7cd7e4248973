/**
 * A place in an input file, as the model knows it. API models know the JSON pointer and resolve
 * line and column lazily (only for places that end up in a finding); SQL statements know the line.
 */
export interface SourceRef {
  readonly file: string
  readonly pointer?: string
  readonly line?: number
  readonly column?: number
  /** The git revision the place is in when it is not the working tree: `origin/main` for `--base`. */
  readonly revision?: string
}

/** Turns a JSON pointer in a loaded file into a line and column, when it can. */
export type Locate = (ref: SourceRef) => { readonly line: number; readonly column: number } | undefined
