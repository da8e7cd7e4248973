import type { Area, Finding } from '../core/finding.js'
import { severityRank } from '../core/finding.js'
import { formatPlace } from './place.js'
import type { ReportInput } from './report-input.js'

// Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
const notXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Text content: `&`, `<`, `>` escaped; characters XML cannot carry become U+FFFD.
 *
 * @example escapeXmlText('a < b & c') // 'a &lt; b &amp; c'
 */
export function escapeXmlText(text: string): string {
  return text.replace(notXml, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * An attribute value in double quotes; line breaks and tabs as references, which parsers keep.
 *
 * @example escapeXmlAttribute('say "hi"\n') // 'say &quot;hi&quot;&#10;'
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
}

interface TestCase {
  readonly area: Area
  readonly rule: string
  readonly file: string
  readonly findings: ReadonlyArray<Finding>
}

/** One case per rule and file, in the order the findings come (the stable order). */
function groupCases(findings: ReadonlyArray<Finding>): ReadonlyArray<TestCase> {
  const cases = new Map<string, { area: Area; rule: string; file: string; findings: Finding[] }>()
  for (const finding of findings) {
    const key = `${finding.area}\u0000${finding.rule}\u0000${finding.location.file}`
    const entry = cases.get(key) ?? {
      area: finding.area,
      rule: finding.rule,
      file: finding.location.file,
      findings: [],
    }
    entry.findings.push(finding)
    cases.set(key, entry)
  }
  return [...cases.values()]
}

function isFailure(testCase: TestCase): boolean {
  return testCase.findings.some((f) => f.severity !== 'info')
}

function renderCase(testCase: TestCase): string[] {
  const open = `    <testcase name="${escapeXmlAttribute(testCase.rule)}" classname="${escapeXmlAttribute(testCase.file)}"`
  const lines = testCase.findings.map((f) => `${formatPlace(f.location)}: ${f.severity}: ${f.message}`)
  const fix = testCase.findings.find((f) => f.fix !== undefined)?.fix
  const body = escapeXmlText([...lines, ...(fix === undefined ? [] : ['', `Safe way: ${fix}`])].join('\n'))
  if (!isFailure(testCase)) return [`${open}>`, `      <system-out>${body}</system-out>`, '    </testcase>']
  const worst = [...testCase.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0]
  const [first] = testCase.findings
  const more = testCase.findings.length > 1 ? ` (and ${testCase.findings.length - 1} more)` : ''
  const message = escapeXmlAttribute(`${first?.message ?? ''}${more}`)
  return [
    `${open}>`,
    `      <failure type="${worst?.severity ?? 'error'}" message="${message}">${body}</failure>`,
    '    </testcase>',
  ]
}

function renderSuite(name: string, cases: ReadonlyArray<TestCase>, body: ReadonlyArray<string>): string[] {
  const failures = cases.filter(isFailure).length
  const counts = `tests="${Math.max(cases.length, 1)}" failures="${failures}" errors="0" skipped="0"`
  return [`  <testsuite name="${escapeXmlAttribute(name)}" ${counts}>`, ...body, '  </testsuite>']
}

/**
 * JUnit XML for CI test reports: a suite per area, one test case per rule and file; error and
 * warning findings fail their case, info findings pass with their text in `system-out`. A run with
 * no findings is one passing case, so that CI does not read it as "no tests ran".
 *
 * @example formatJunit(input) // '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="rollsafe" …'
 */
export function formatJunit(input: ReportInput): string {
  const cases = groupCases(input.findings)
  const areas = [...new Set(cases.map((c) => c.area))]
  const suites =
    areas.length === 0
      ? renderSuite('rollsafe', [], ['    <testcase name="no findings" classname="rollsafe"/>'])
      : areas.flatMap((area) => {
          const inArea = cases.filter((c) => c.area === area)
          return renderSuite(`rollsafe ${area}`, inArea, inArea.flatMap(renderCase))
        })
  const failures = cases.filter(isFailure).length
  const total = Math.max(cases.length, 1)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXmlAttribute(`rollsafe: ${input.title}`)}" tests="${total}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}
