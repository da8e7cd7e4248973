import type { Finding, Severity } from '../core/finding.js'
import type { FormatOptions, ReportInput } from './report-input.js'

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' }

/** Code scanning resolves a relative `uri` against the checkout; `%SRCROOT%` says so explicitly. */
const sourceRoot = '%SRCROOT%'

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/**
 * A finding's file as a SARIF `artifactLocation`: relative paths stay relative, with forward
 * slashes and each segment percent-encoded (GitHub rejects a `uri` that is not a valid
 * uri-reference: spaces, `:` in a first segment, non-ASCII); absolute paths become `file://` URIs.
 *
 * @example artifactLocation('db\\0007 drop.sql') // { uri: 'db/0007%20drop.sql', uriBaseId: '%SRCROOT%' }
 */
export function artifactLocation(file: string): { readonly uri: string; readonly uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/')
  if (slashed.startsWith('/')) return { uri: `file://${encodePath(slashed)}` }
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${slashed.slice(0, 2)}${encodePath(slashed.slice(2))}` }
  return { uri: encodePath(slashed.replace(/^(\.\/)+/, '')), uriBaseId: sourceRoot }
}

function describeRule(id: string, options: FormatOptions): object {
  const meta = options.ruleMeta?.(id)
  if (meta === undefined) return { id }
  const docsUrl = options.tool?.rulesDocsUrl
  return {
    id,
    shortDescription: { text: meta.summary },
    fullDescription: { text: meta.why },
    help: { text: meta.safe },
    ...(docsUrl === undefined ? {} : { helpUri: `${docsUrl}${id}.md` }),
    defaultConfiguration: { level: levels[meta.severity] },
    properties: { tags: [meta.area] },
  }
}

/**
 * A place in another revision (version A's document at `--base`) has no line in the checked-out
 * file: the result points at the file, and the revision and its line go in the properties.
 */
function describeResult(finding: Finding, ruleIndex: number): object {
  const { line, column, pointer, revision } = finding.location
  const region =
    line === undefined || revision !== undefined
      ? undefined
      : { startLine: line, ...(column === undefined ? {} : { startColumn: column }) }
  const properties = {
    ...(pointer === undefined ? {} : { pointer }),
    ...(revision === undefined ? {} : { revision, ...(line === undefined ? {} : { revisionLine: line }) }),
  }
  const logical = finding.operation ?? finding.object
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: levels[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.location.file),
          ...(region === undefined ? {} : { region }),
        },
        ...(logical === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: logical }] }),
      },
    ],
    ...(Object.keys(properties).length === 0 ? {} : { properties }),
  }
}

/**
 * SARIF 2.1.0 for code scanning: one run, the rules that have results (sorted by id, with their
 * summary, why and safe way as descriptions and help), one result per finding in the stable order.
 *
 * @example formatSarif(input, { color: false, ruleMeta: findRule, tool: { version: '0.1.0' } })
 */
export function formatSarif(input: ReportInput, options: FormatOptions): string {
  const ids = [...new Set(input.findings.map((f) => f.rule))].sort()
  const indexOf = new Map(ids.map((id, index) => [id, index]))
  const driver = {
    name: 'rollsafe',
    ...(options.tool === undefined ? {} : { version: options.tool.version, semanticVersion: options.tool.version }),
    ...(options.tool?.informationUri === undefined ? {} : { informationUri: options.tool.informationUri }),
    rules: ids.map((id) => describeRule(id, options)),
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        columnKind: 'utf16CodeUnits',
        results: input.findings.map((f) => describeResult(f, indexOf.get(f.rule) ?? 0)),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
