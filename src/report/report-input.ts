import type { Finding } from '../core/finding.js'
import type { Summary } from '../core/policy.js'

/** What every formatter receives: the findings after policy, already in the stable order. */
export interface ReportInput {
  readonly findings: ReadonlyArray<Finding>
  readonly summary: Summary
  /** What was compared, for headings: `openapi-v1.yaml → openapi-v2.yaml`. */
  readonly title: string
  /** The verdict under the policy: did anything reach `--fail-on`? */
  readonly failed: boolean
}

export interface FormatOptions {
  /** ANSI colour; only the text format uses it. */
  readonly color: boolean
}
