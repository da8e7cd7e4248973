// The one set of findings every report format is rendered from (test/report-formats.test.ts).
// API and database findings, with and without line and column, every severity, a rule the
// catalogue does not know, and text that each format must escape: `%`, `,`, `:`, newlines, `|`,
// `<`, `&`, quotes, a control character, spaces and non-ASCII in file names.
import { sortFindings, type Finding } from '../src/core/finding.js'
import { summarize } from '../src/core/policy.js'
import type { RuleMeta } from '../src/core/rule.js'
import type { ReportInput } from '../src/report/report-input.js'

const unsorted: ReadonlyArray<Finding> = [
  {
    rule: 'response-property-removed',
    severity: 'error',
    message: 'GET /pets/{}: response 200 property `name` removed',
    area: 'api',
    location: {
      file: 'openapi.yaml',
      line: 40,
      column: 11,
      pointer: '/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema/properties/name',
    },
    operation: 'GET /pets/{}',
    fix: 'Keep returning it, mark it deprecated, and remove it once no client reads it.',
  },
  {
    rule: 'request-parameter-became-required',
    severity: 'warning',
    message: 'POST /pets: query parameter `dryRun` became required',
    area: 'api',
    location: { file: 'openapi.yaml', line: 12, column: 9, pointer: '/paths/~1pets/post/parameters/0' },
    operation: 'POST /pets',
    fix: 'Give it a default on the server and keep it optional until every client sends it.',
  },
  {
    rule: 'response-property-added',
    severity: 'info',
    message: 'GET /pets: response 200 property `tags` added',
    area: 'api',
    location: { file: 'openapi.yaml', line: 58 },
    operation: 'GET /pets',
  },
  {
    rule: 'operation-removed',
    severity: 'error',
    message: 'DELETE /pets/{}: operation removed',
    area: 'api',
    // Version A's document at --base: the line is in that revision, not in the checked-out file.
    location: { file: 'openapi.yaml', line: 71, column: 5, pointer: '/paths/~1pets~1{petId}/delete', revision: 'origin/main' },
    operation: 'DELETE /pets/{}',
    fix: 'Keep the operation, deprecate it, and remove it in a later release.',
  },
  {
    rule: 'column-dropped',
    severity: 'error',
    message: 'ALTER TABLE users: column `legacy_id` dropped',
    area: 'db',
    location: { file: 'db/migrations/0007_drop legacy, users: ü.sql', line: 3, column: 1, pointer: 'statement 2' },
    object: 'public.users.legacy_id',
    fix: 'Stop reading the column in one release; drop it in the next.',
  },
  {
    rule: 'table-rewrite-locked',
    severity: 'warning',
    message:
      'ALTER TABLE orders: type of `total` changed; rewrites 100% of <orders> & blocks "reads" | writes\nfor the whole rewrite\u0007',
    area: 'db',
    location: { file: 'db\\migrations\\0008_orders.sql', line: 1 },
    object: 'public.orders.total',
    fix: "Add a new column, backfill it in batches where id < 10000 & up, then switch readers: 'expand/contract'.",
  },
  {
    rule: 'table-created',
    severity: 'info',
    message: 'CREATE TABLE audit_log: table created',
    area: 'db',
    location: { file: 'db/migrations/0009_audit.sql' },
    object: 'public.audit_log',
  },
]

/** The findings in the stable order, as formatters receive them. */
export const reportFindings: ReadonlyArray<Finding> = sortFindings(unsorted)

export const reportInput: ReportInput = {
  findings: reportFindings,
  summary: summarize(reportFindings, 2),
  title: 'openapi.yaml and db/migrations since origin/main',
  failed: true,
}

const meta = (m: Omit<RuleMeta, 'direction'> & { direction?: RuleMeta['direction'] }): RuleMeta => ({
  direction: 'none',
  ...m,
})

/** Metadata for every rule above but `table-rewrite-locked`: a format must cope with an unknown id. */
export const reportRules: ReadonlyArray<RuleMeta> = [
  meta({
    id: 'response-property-removed',
    area: 'api',
    direction: 'response',
    severity: 'error',
    summary: "A property that version A returns is missing from version B's response.",
    why: 'Clients of A read the property; mid-rollout some of their calls reach B and get nothing.',
    safe: 'Keep returning it, mark it deprecated, and remove it once no client reads it.',
  }),
  meta({
    id: 'request-parameter-became-required',
    area: 'api',
    direction: 'request',
    severity: 'error',
    summary: 'A request parameter that version A accepts without is required by version B.',
    why: 'Clients of A do not send it; B rejects their requests with 400 during the rollout.',
    safe: 'Give it a default on the server and keep it optional until every client sends it.',
  }),
  meta({
    id: 'response-property-added',
    area: 'api',
    direction: 'response',
    severity: 'info',
    summary: "Version B's response has a property version A's does not.",
    why: 'Harmless to tolerant readers; strict clients that reject unknown properties fail.',
    safe: 'Nothing to do for tolerant clients.',
  }),
  meta({
    id: 'operation-removed',
    area: 'api',
    severity: 'error',
    summary: 'An operation of version A is missing from version B.',
    why: 'Clients of A call it; mid-rollout some calls reach B and get 404.',
    safe: 'Keep the operation, deprecate it, and remove it in a later release.',
  }),
  meta({
    id: 'column-dropped',
    area: 'db',
    severity: 'error',
    summary: 'A migration drops a column that version A reads or writes.',
    why: 'Version A keeps running during the rollout; its queries naming the column fail.',
    safe: 'Stop reading the column in one release; drop it in the next.',
  }),
  meta({
    id: 'table-created',
    area: 'db',
    severity: 'info',
    summary: 'A migration creates a table.',
    why: 'Additive: version A never reads it.',
    safe: 'Nothing to do.',
  }),
]
