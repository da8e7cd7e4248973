import type { ReportInput } from './report-input.js'

/**
 * `{ "findings": Finding[], "summary": {...} }`: a public contract, kept stable.
 *
 * @example formatJson({ findings, summary, title, failed }) // '{\n  "findings": [...'
 */
export function formatJson(input: ReportInput): string {
  const summary = { ...input.summary, failed: input.failed }
  return `${JSON.stringify({ findings: input.findings, summary }, null, 2)}\n`
}
