import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { summarize } from '../src/core/policy.js'
import { formats, render, type Format } from '../src/report/format.js'
import { escapeData, escapeProperty } from '../src/report/github.js'
import type { FormatOptions, ReportInput } from '../src/report/report-input.js'
import { artifactLocation } from '../src/report/sarif.js'
import { validateSarif } from './helpers/sarif-schema.js'
import { reportInput, reportRules } from './report-findings.js'

const extension: Record<Format, string> = {
  text: 'txt',
  json: 'json',
  markdown: 'md',
  sarif: 'sarif',
  github: 'github.txt',
  junit: 'xml',
}

const options: FormatOptions = {
  color: false,
  ruleMeta: (id) => reportRules.find((r) => r.id === id),
  tool: {
    version: '1.2.3',
    informationUri: 'https://example.invalid/rollsafe',
    rulesDocsUrl: 'https://example.invalid/rollsafe/blob/v1.2.3/docs/rules/',
  },
}

const clean: ReportInput = { findings: [], summary: summarize([]), title: 'openapi.yaml', failed: false }

describe('report formats over one shared set of findings', () => {
  for (const format of formats) {
    it(`${format} matches its golden`, async () => {
      const output = render(format, reportInput, options)
      await expect(output).toMatchFileSnapshot(`golden/report.${extension[format]}`)
      expect(render(format, reportInput, options)).toBe(output)
    })
  }

  it('sarif validates against the SARIF 2.1.0 schema, with findings and without', () => {
    expect(validateSarif(render('sarif', reportInput, options))).toEqual([])
    expect(validateSarif(render('sarif', clean, { color: false }))).toEqual([])
  })

  it('the schema check is real: a broken log fails it', () => {
    const log = JSON.parse(render('sarif', reportInput, options))
    log.runs[0].results[0].level = 'fatal'
    log.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'db/a b.sql'
    const errors = validateSarif(JSON.stringify(log))
    expect(errors.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining([
        '/runs/0/results/0/level',
        '/runs/0/results/1/locations/0/physicalLocation/artifactLocation/uri',
      ]),
    )
  })

  it('sarif lists only the rules with results, sorted, and indexes them', () => {
    const log = JSON.parse(render('sarif', reportInput, options))
    const rules = log.runs[0].tool.driver.rules as ReadonlyArray<{ id: string }>
    const ids = rules.map((r) => r.id)
    expect(ids).toEqual([...new Set(reportInput.findings.map((f) => f.rule))].sort())
    for (const result of log.runs[0].results) expect(ids[result.ruleIndex]).toBe(result.ruleId)
  })

  it('sarif file locations are repo-relative URIs with forward slashes', () => {
    expect(artifactLocation('./openapi.yaml')).toEqual({ uri: 'openapi.yaml', uriBaseId: '%SRCROOT%' })
    expect(artifactLocation('db\\migrations\\0008 orders.sql')).toEqual({
      uri: 'db/migrations/0008%20orders.sql',
      uriBaseId: '%SRCROOT%',
    })
    expect(artifactLocation('/repo/api/v1:beta.yaml')).toEqual({ uri: 'file:///repo/api/v1%3Abeta.yaml' })
    expect(artifactLocation('C:\\repo\\openapi.yaml')).toEqual({ uri: 'file:///C:/repo/openapi.yaml' })
  })

  it('github escapes what the runner decodes', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext')
    expect(escapeProperty('db/a, b: c%.sql')).toBe('db/a%2C b%3A c%25.sql')
    const lines = render('github', reportInput, options).trimEnd().split('\n')
    expect(lines).toHaveLength(reportInput.findings.length + 1)
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+(,line=\d+(,col=\d+)?)?,title=[a-z-]+::/)
  })

  it('junit is well-formed XML with one test case per rule and file', () => {
    const xml = render('junit', reportInput, options)
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml)
    const cases = parsed.testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as ReadonlyArray<
      Record<string, unknown>
    >
    const pairs = new Set(reportInput.findings.map((f) => `${f.rule} ${f.location.file}`))
    expect(cases.map((c) => `${c['@_name']} ${c['@_classname']}`).sort()).toEqual([...pairs].sort())
    const failing = cases.filter((c) => c['failure'] !== undefined).map((c) => c['@_name'])
    expect(failing.sort()).toEqual([
      'column-dropped',
      'operation-removed',
      'request-parameter-became-required',
      'response-property-removed',
      'table-rewrite-locked',
    ])
    expect(parsed.testsuites['@_failures']).toBe('5')
  })

  it('junit with no findings is one passing case, still well-formed', () => {
    const xml = render('junit', clean, options)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('tests="1" failures="0"')
  })
})
