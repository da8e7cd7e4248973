import type { Finding, Severity } from '../core/finding.js'
import { describeCounts } from './counts.js'
import { formatPlace } from './place.js'
import type { ReportInput } from './report-input.js'

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' }

/**
 * Workflow-command data: `%`, CR and LF are percent-encoded, as the runner decodes them.
 *
 * @example escapeData('100%\nof it') // '100%25%0Aof it'
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/**
 * Workflow-command property values also encode `:` and `,`, which separate the properties.
 *
 * @example escapeProperty('db/a, b:c.sql') // 'db/a%2C b%3Ac.sql'
 */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** A place in another revision (version A's, at `--base`) annotates the file as a whole and names the place in the text. */
function annotation(finding: Finding): string {
  const { file, revision } = finding.location
  const line = revision === undefined ? finding.location.line : undefined
  const column = finding.location.column
  const properties = [
    `file=${escapeProperty(file.replace(/\\/g, '/'))}`,
    ...(line === undefined ? [] : [`line=${line}`]),
    ...(line === undefined || column === undefined ? [] : [`col=${column}`]),
    `title=${escapeProperty(finding.rule)}`,
  ]
  const paragraphs = [finding.message, ...(revision === undefined ? [] : [formatPlace(finding.location)]), ...(finding.fix === undefined ? [] : [finding.fix])]
  const text = paragraphs.join('\n\n')
  return `::${commands[finding.severity]} ${properties.join(',')}::${escapeData(text)}`
}

/**
 * GitHub Actions workflow commands: one annotation per finding (`::error file=…,line=…,col=…,title=<rule>::…`,
 * warnings as `::warning`, info as `::notice`), then the verdict as a plain line. The markdown job
 * summary is the markdown format, which the CLI appends to `$GITHUB_STEP_SUMMARY`.
 *
 * @example formatGithub(input) // '::error file=openapi.yaml,line=40,col=11,title=response-property-removed::GET /pets…'
 */
export function formatGithub(input: ReportInput): string {
  const verdict = `rollsafe: ${input.title}: ${input.failed ? 'FAIL' : 'OK'} (${describeCounts(input.summary)})`
  return `${[...input.findings.map(annotation), verdict].join('\n')}\n`
}
