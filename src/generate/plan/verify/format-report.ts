import type { VerifyReport } from './verify-plan.js'

/**
 * The verification reports as text: a line per step (✓ or ✗ and how many checks ran), the failed
 * check with its detail under a failed step (the steps after a failed one do not run).
 *
 * @example
 * process.stdout.write(formatVerifyReports(reports))
 */
export function formatVerifyReports(reports: ReadonlyArray<VerifyReport>): string {
  const lines: string[] = []
  for (const report of reports) {
    lines.push(`verify ${report.title} on ${report.engine}: ${report.ok ? 'every phase passed' : 'FAILED'}`)
    for (const step of report.steps) {
      lines.push(`  ${step.ok ? '✓' : '✗'} ${step.name} (${step.checks.length} check${step.checks.length === 1 ? '' : 's'})`)
      for (const check of step.checks.filter((c) => !c.ok)) {
        lines.push(`      ✗ ${check.what}`)
        for (const detail of (check.detail ?? '').split('\n').filter((d) => d !== '')) lines.push(`        ${detail}`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}
