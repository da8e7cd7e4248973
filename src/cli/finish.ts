import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { InputError } from '../core/errors.js'
import type { Finding } from '../core/finding.js'
import { applyPolicy, defaultPolicy, fails, summarize, type Policy } from '../core/policy.js'
import { findRule, resolveRuleId } from '../core/registry.js'
import { render } from '../report/format.js'
import type { FormatOptions, ReportInput } from '../report/report-input.js'
import type { CommonOptions } from './common-options.js'
import { writeStdout } from './stdout.js'
import { today } from './today.js'
import { toolInfo } from './tool-info.js'

function writeReport(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
  } catch (error) {
    throw new InputError(`--output ${file}: ${(error as Error).message}`)
  }
}

/** In a GitHub Actions job, a github-format run also leaves the markdown report as the job summary. */
function appendJobSummary(options: CommonOptions, input: ReportInput, formatOptions: FormatOptions): void {
  const wantsGithub = options.format === 'github' || options.outputs.some((o) => o.format === 'github')
  if (options.stepSummary === undefined || !wantsGithub) return
  try {
    appendFileSync(options.stepSummary, `${render('markdown', input, formatOptions)}\n`)
  } catch (error) {
    process.stderr.write(`rollsafe: warning: could not write the job summary: ${(error as Error).message}\n`)
  }
}

/**
 * Applies the policy, prints the report to stdout, writes each `--output` file and, for the github
 * format in a GitHub job, the job summary. Returns the exit code (0 or 1).
 */
export function finish(
  findings: ReadonlyArray<Finding>,
  title: string,
  options: CommonOptions,
  policy: Policy = defaultPolicy,
): number {
  const result = applyPolicy(findings, policy, today(), resolveRuleId, (id) => findRule(id)?.optIn === true)
  for (const ignore of result.expired) {
    const what = `the ignore of ${ignore.rule} (${ignore.reason}) expired on ${ignore.expires} and no longer applies`
    process.stderr.write(`rollsafe: warning: ${what}\n`)
  }
  const failOn = options.failOn ?? policy.failOn
  const failed = fails(result.findings, failOn)
  const input = { findings: result.findings, summary: summarize(result.findings, result.ignored), title, failed }
  const formatOptions: FormatOptions = { color: options.color, ruleMeta: findRule, tool: toolInfo() }
  for (const output of options.outputs) {
    writeReport(output.file, render(output.format, input, { ...formatOptions, color: false }))
  }
  appendJobSummary(options, input, { ...formatOptions, color: false })
  writeStdout(render(options.format, input, formatOptions))
  return failed ? 1 : 0
}
