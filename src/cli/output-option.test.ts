import { describe, expect, it } from 'vitest'
import { parseOutput, parseOutputs } from './output-option.js'

describe('--output', () => {
  it('takes the format from the file ending', () => {
    expect(parseOutput('rollsafe.sarif')).toEqual({ format: 'sarif', file: 'rollsafe.sarif' })
    expect(parseOutput('out/rollsafe.sarif.json')).toEqual({ format: 'sarif', file: 'out/rollsafe.sarif.json' })
    expect(parseOutput('report.JSON')).toEqual({ format: 'json', file: 'report.JSON' })
    expect(parseOutput('rollsafe.md')).toEqual({ format: 'markdown', file: 'rollsafe.md' })
    expect(parseOutput('junit/rollsafe.xml')).toEqual({ format: 'junit', file: 'junit/rollsafe.xml' })
    expect(parseOutput('rollsafe.txt')).toEqual({ format: 'text', file: 'rollsafe.txt' })
  })

  it('takes FORMAT=FILE as it is', () => {
    expect(parseOutput('github=annotations.log')).toEqual({ format: 'github', file: 'annotations.log' })
    expect(parseOutput('markdown=summary.xml')).toEqual({ format: 'markdown', file: 'summary.xml' })
  })

  it('refuses an unknown format or ending, and a file named twice', () => {
    expect(() => parseOutput('html=report.html')).toThrow(
      '--output html=report.html: the format must be one of text, json, markdown, sarif, github, junit',
    )
    expect(() => parseOutput('report.html')).toThrow(
      '--output report.html: no format for this file ending (.sarif.json, .sarif, .json, .md, .xml, .txt); write --output FORMAT=report.html',
    )
    expect(() => parseOutputs(['a.sarif', 'sarif=a.sarif'])).toThrow('--output a.sarif is given twice')
  })
})
