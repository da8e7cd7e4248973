import type { Finding } from '../core/finding.js'
import type { Summary } from '../core/policy.js'
import type { RuleMeta } from '../core/rule.js'

/** What every formatter receives: the findings after policy, already in the stable order. */
export interface ReportInput {
  readonly findings: ReadonlyArray<Finding>
  readonly summary: Summary
  /** What was compared, for headings: `openapi-v1.yaml → openapi-v2.yaml`. */
  readonly title: string
  /** The verdict under the policy: did anything reach `--fail-on`? */
  readonly failed: boolean
}

/** rollsafe itself, as formats that name the tool (SARIF) describe it. */
export interface ToolInfo {
  readonly version: string
  /** The project's home page; an absolute URL. */
  readonly informationUri?: string
  /** Absolute URL of the `docs/rules/` folder: a rule's page is `<rulesDocsUrl><id>.md`. */
  readonly rulesDocsUrl?: string
}

export interface FormatOptions {
  /** ANSI colour; only the text format uses it. */
  readonly color: boolean
  /** A rule's metadata by id, for formats that describe the rules (SARIF); unknown ids give undefined. */
  readonly ruleMeta?: (id: string) => RuleMeta | undefined
  readonly tool?: ToolInfo
}
