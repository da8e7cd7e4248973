import { parseArgs, type ParseArgsConfig } from 'node:util'
import { InputError } from '../core/errors.js'
import { severities } from '../core/finding.js'
import type { FailOn } from '../core/policy.js'
import { formats, isFormat, type Format } from '../report/format.js'
import { parseOutputs, type OutputTarget } from './output-option.js'
import { stdoutIsTerminal } from './stdout.js'

/** Flags every checking command takes. */
export const commonFlags = {
  format: { type: 'string', default: 'text' },
  'fail-on': { type: 'string' },
  output: { type: 'string', multiple: true },
  config: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

/** The usage lines of the common flags, for each command's help. */
export const commonUsage = `  --format FORMAT         text, json, markdown, sarif, github or junit, on stdout (default text)
  --output [FORMAT=]FILE  also write FORMAT to FILE, by default the one its ending names:
                          .sarif .json .md .xml .txt (repeatable)
  --fail-on LEVEL         error, warning, info or never: exit 1 when a finding reaches it
                          (default: the config's failOn, else error)
  --config FILE           the config (default: the nearest rollsafe.config.yaml/.yml/.json upward)
  --color, --no-color     force colour on or off (default: on a TTY unless NO_COLOR)
`

export interface CommonOptions {
  readonly format: Format
  readonly failOn?: FailOn
  readonly color: boolean
  /** Extra reports written to files; the report on stdout is still printed. */
  readonly outputs: ReadonlyArray<OutputTarget>
  /** `--config FILE`, when given. */
  readonly config?: string
  /** `$GITHUB_STEP_SUMMARY`: the file a github-format run appends its markdown job summary to. */
  readonly stepSummary?: string
}

/** Parses argv strictly: an unknown flag is a usage error (exit 2), not a stack trace. */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: ReadonlyArray<string>,
  options: O,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals }
  } catch (error) {
    throw new InputError(`rollsafe ${command}: ${(error as Error).message}`)
  }
}

/**
 * Reads the common flags and the environment they depend on: colour only on a TTY with NO_COLOR
 * unset (unless --color/--no-color says otherwise), the job summary file from GITHUB_STEP_SUMMARY.
 */
export function readCommonOptions(
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): CommonOptions {
  const format = String(values['format'] ?? 'text')
  if (!isFormat(format)) throw new InputError(`--format must be one of ${formats.join(', ')}, not '${format}'`)
  const failOnText = values['fail-on'] as string | undefined
  const allowed: ReadonlyArray<string> = [...severities, 'never']
  if (failOnText !== undefined && !allowed.includes(failOnText)) {
    throw new InputError(`--fail-on must be one of ${allowed.join(', ')}, not '${failOnText}'`)
  }
  const autoColor = stdoutIsTerminal() && !env['NO_COLOR']
  const color = values['no-color'] ? false : values['color'] ? true : autoColor
  const config = values['config'] as string | undefined
  const stepSummary = env['GITHUB_STEP_SUMMARY'] || undefined
  return {
    format,
    ...(failOnText === undefined ? {} : { failOn: failOnText as FailOn }),
    color,
    outputs: parseOutputs((values['output'] as string[] | undefined) ?? []),
    ...(config === undefined ? {} : { config }),
    ...(stepSummary === undefined ? {} : { stepSummary }),
  }
}
