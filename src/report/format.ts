import { formatGithub } from './github.js'
import { formatJson } from './json.js'
import { formatJunit } from './junit.js'
import { formatMarkdown } from './markdown.js'
import type { FormatOptions, ReportInput } from './report-input.js'
import { formatSarif } from './sarif.js'
import { formatText } from './text.js'

export type Format = 'text' | 'json' | 'markdown' | 'sarif' | 'github' | 'junit'

const formatters: Record<Format, (input: ReportInput, options: FormatOptions) => string> = {
  text: formatText,
  json: formatJson,
  markdown: formatMarkdown,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
}

export const formats = Object.keys(formatters) as ReadonlyArray<Format>

export function isFormat(name: string): name is Format {
  return Object.hasOwn(formatters, name)
}

/** Renders findings in one format. Formatters hold no logic beyond layout. */
export function render(format: Format, input: ReportInput, options: FormatOptions): string {
  return formatters[format](input, options)
}
