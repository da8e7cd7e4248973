import { InputError } from '../core/errors.js'
import { formats, isFormat, type Format } from '../report/format.js'

/** One `--output`: a format written to a file, besides the report on stdout. */
export interface OutputTarget {
  readonly format: Format
  readonly file: string
}

/** File endings that name a format; longer endings first, so `x.sarif.json` is SARIF. */
const endings: ReadonlyArray<readonly [string, Format]> = [
  ['.sarif.json', 'sarif'],
  ['.sarif', 'sarif'],
  ['.json', 'json'],
  ['.md', 'markdown'],
  ['.xml', 'junit'],
  ['.txt', 'text'],
]

/**
 * Reads one `--output` value: `FILE` (the format from its ending: .sarif, .json, .md, .xml, .txt)
 * or `FORMAT=FILE`.
 *
 * @example parseOutput('rollsafe.sarif') // { format: 'sarif', file: 'rollsafe.sarif' }
 * @example parseOutput('junit=reports/rollsafe.out') // { format: 'junit', file: 'reports/rollsafe.out' }
 */
export function parseOutput(value: string): OutputTarget {
  const explicit = /^([a-z]+)=(.+)$/.exec(value)
  if (explicit) {
    const [, format = '', file = ''] = explicit
    if (!isFormat(format)) throw new InputError(`--output ${value}: the format must be one of ${formats.join(', ')}`)
    return { format, file }
  }
  const lower = value.toLowerCase()
  const format = endings.find(([ending]) => lower.endsWith(ending))?.[1]
  if (format === undefined) {
    const known = endings.map(([ending]) => ending).join(', ')
    throw new InputError(`--output ${value}: no format for this file ending (${known}); write --output FORMAT=${value}`)
  }
  return { format, file: value }
}

/** Every `--output`, each file named once. */
export function parseOutputs(values: ReadonlyArray<string>): ReadonlyArray<OutputTarget> {
  const targets = values.map(parseOutput)
  const seen = new Set<string>()
  for (const { file } of targets) {
    if (seen.has(file)) throw new InputError(`--output ${file} is given twice`)
    seen.add(file)
  }
  return targets
}
