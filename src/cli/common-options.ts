import { parseArgs, type ParseArgsConfig } from 'node:util'
import { InputError } from '../core/errors.js'
import { severities } from '../core/finding.js'
import type { FailOn } from '../core/policy.js'
import { formats, isFormat, type Format } from '../report/format.js'

/** Flags every checking command takes. */
export const commonFlags = {
  format: { type: 'string', default: 'text' },
  'fail-on': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

export interface CommonOptions {
  readonly format: Format
  readonly failOn?: FailOn
  readonly color: boolean
}

/** Parses argv strictly: an unknown flag is a usage error (exit 2), not a stack trace. */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: ReadonlyArray<string>,
  options: O,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
    return { values: values as Record<string, string | boolean | undefined>, positionals }
  } catch (error) {
    throw new InputError(`rollsafe ${command}: ${(error as Error).message}`)
  }
}

/** Colour only on a TTY with NO_COLOR unset, unless --color/--no-color says otherwise. */
export function readCommonOptions(values: Record<string, unknown>): CommonOptions {
  const format = String(values['format'] ?? 'text')
  if (!isFormat(format)) throw new InputError(`--format must be one of ${formats.join(', ')}, not '${format}'`)
  const failOnText = values['fail-on'] as string | undefined
  const allowed: ReadonlyArray<string> = [...severities, 'never']
  if (failOnText !== undefined && !allowed.includes(failOnText)) {
    throw new InputError(`--fail-on must be one of ${allowed.join(', ')}, not '${failOnText}'`)
  }
  const autoColor = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']
  const color = values['no-color'] ? false : values['color'] ? true : autoColor
  return { format, ...(failOnText === undefined ? {} : { failOn: failOnText as FailOn }), color }
}
