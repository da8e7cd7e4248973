/**
 * Bad input or usage: the CLI prints `message` on one line and exits 2, never a stack trace.
 * The message names the file and the place: `openapi.yaml:12:3: paths./pets.get: responses is required`.
 */
export class InputError extends Error {
  override readonly name = 'InputError'
}

/** `file:line:col: what` when the place is known, else `file: what`. */
export function placeMessage(file: string, what: string, line?: number, column?: number): string {
  if (line === undefined) return `${file}: ${what}`
  return column === undefined ? `${file}:${line}: ${what}` : `${file}:${line}:${column}: ${what}`
}

export function inputError(file: string, what: string, line?: number, column?: number): InputError {
  return new InputError(placeMessage(file, what, line, column))
}
