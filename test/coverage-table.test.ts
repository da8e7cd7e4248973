// docs/oasdiff-coverage.md maps every oasdiff ERR rule id to the rollsafe rule that reports the same
// situation, or says why none does. This keeps it honest: no empty cell, no unknown rule id, no ERR id
// of the research notes left out (when the notes are there: ../shared/research/openapi.md).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findRule } from '../src/core/registry.js'

const tableFile = join('docs', 'oasdiff-coverage.md')
const researchFile = join('..', 'shared', 'research', 'openapi.md')

/** What the rollsafe column says when no rule reports the situation; the note must then say why. */
const reasons = ['not a break', 'not covered'] as const

interface Row {
  readonly line: number
  readonly oasdiff: string
  readonly rollsafe: string
  readonly note: string
}

/** The table's body rows: `| \`oasdiff-id\` | rollsafe | note |`. */
function readRows(text: string): Row[] {
  const rows: Row[] = []
  text.split('\n').forEach((raw, index) => {
    if (!raw.startsWith('| `')) return
    const cells = raw.slice(1, raw.endsWith('|') ? -1 : undefined).split(' | ').map((cell) => cell.trim())
    const [oasdiff = '', rollsafe = '', note = ''] = cells
    if (cells.length !== 3) throw new Error(`${tableFile}:${index + 1}: expected 3 cells, found ${cells.length}`)
    rows.push({ line: index + 1, oasdiff: oasdiff.replace(/^`|`$/g, ''), rollsafe, note })
  })
  return rows
}

/** `\`a\`, \`b\`` → ['a', 'b']; undefined when the cell is not such a list. */
function ruleIds(cell: string): string[] | undefined {
  if (!/^`[a-z0-9-]+`(, `[a-z0-9-]+`)*$/.test(cell)) return undefined
  return cell.split(', ').map((id) => id.slice(1, -1))
}

/** Every id in the research notes' tables whose level column is ERR. */
function errIdsOf(research: string): string[] {
  return [...research.matchAll(/^\| `([a-z0-9-]+)` \| ERR \|/gm)].map((match) => match[1] as string)
}

const rows = readRows(readFileSync(tableFile, 'utf8'))
const where = (row: Row): string => `${tableFile}:${row.line} (${row.oasdiff})`

describe(tableFile, () => {
  it('has rows, each for a distinct kebab-case oasdiff id', () => {
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.filter((row) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(row.oasdiff)).map(where)).toEqual([])
    const ids = rows.map((row) => row.oasdiff)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'rows for the same oasdiff id').toEqual([])
  })

  it('names, in every row, rollsafe rules that exist, or says why none reports it', () => {
    const problems: string[] = []
    for (const row of rows) {
      if ((reasons as ReadonlyArray<string>).includes(row.rollsafe)) {
        if (row.note === '') problems.push(`${where(row)}: '${row.rollsafe}' needs a reason in the note`)
        continue
      }
      const ids = ruleIds(row.rollsafe)
      if (ids === undefined) {
        problems.push(`${where(row)}: rollsafe column must list rule ids in backticks or say ${reasons.join(' / ')}`)
        continue
      }
      for (const id of ids) {
        if (findRule(id)?.id !== id) problems.push(`${where(row)}: no rule has the id '${id}'`)
      }
    }
    expect(problems).toEqual([])
  })

  it('states the counts of its rows in the summary line', () => {
    const mapped = rows.filter((row) => ruleIds(row.rollsafe) !== undefined).length
    const count = (reason: string): number => rows.filter((row) => row.rollsafe === reason).length
    const summary = `Summary: ${mapped} mapped to rollsafe rules, ${count('not a break')} not a break, ${count('not covered')} not covered.`
    expect(readFileSync(tableFile, 'utf8')).toContain(summary)
  })
})

const hasResearch = existsSync(researchFile)
if (!hasResearch) console.warn(`${researchFile} is absent: skipping the check that every oasdiff ERR id has a row`)

describe.skipIf(!hasResearch)(`${tableFile} against ${researchFile}`, () => {
  it('has a row for every oasdiff ERR id, and no row for any other id', () => {
    const errIds = hasResearch ? errIdsOf(readFileSync(researchFile, 'utf8')) : []
    expect(errIds.length, 'ERR ids found in the research notes').toBeGreaterThan(0)
    const listed = new Set(rows.map((row) => row.oasdiff))
    expect(errIds.filter((id) => !listed.has(id)), 'ERR ids without a row').toEqual([])
    const err = new Set(errIds)
    expect(rows.filter((row) => !err.has(row.oasdiff)).map(where), 'rows for ids that are not ERR').toEqual([])
  })
})
