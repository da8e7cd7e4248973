import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findRule } from '../src/core/registry.js'

// docs/db-coverage.md maps every check of squawk, Atlas and strong_migrations (and eugene) to the
// rollsafe rules that detect it. This test keeps the table true: ids exist, reasons are given, and
// (when the research notes are present) no catalogued check is missing.
const root = join(import.meta.dirname, '..')
const research = join(root, '..', 'shared', 'research', 'migrations.md')

interface Row {
  readonly source: string
  readonly check: string
  readonly rollsafe: string
}

const cells = (line: string): string[] => line.split('|').slice(1, -1).map((c) => c.trim())
const isTableRow = (line: string): boolean => line.startsWith('|') && !/^\|[-\s|]+\|$/.test(line)

/** The first `code` span of a cell, else the cell's first word. */
function idOf(cell: string): string {
  return /`([^`]+)`/.exec(cell)?.[1] ?? cell.split(/\s/)[0] ?? ''
}

function coverageRows(): Row[] {
  const rows: Row[] = []
  let source = ''
  let header = true
  for (const line of readFileSync(join(root, 'docs', 'db-coverage.md'), 'utf8').split('\n')) {
    if (line.startsWith('## ')) {
      source = line.slice(3).trim()
      header = true
    } else if (isTableRow(line)) {
      if (!header) {
        const [check = '', rollsafe = ''] = cells(line)
        rows.push({ source, check: idOf(check), rollsafe })
      }
      header = false
    }
  }
  return rows
}

/** The table rows of one lettered section of the research notes: `## (a) …` up to the next `## `. */
function researchRows(text: string, letter: string): string[][] {
  const start = text.indexOf(`\n## (${letter})`)
  const end = text.indexOf('\n## ', start + 1)
  const lines = text.slice(start, end === -1 ? undefined : end).split('\n').filter(isTableRow)
  return lines.slice(1).map(cells)
}

/** `MY110–113` → MY110…MY113, `NM101–NM106` → NM101…NM106. */
function atlasCodes(cell: string): string[] {
  const codes: string[] = []
  for (const m of cell.matchAll(/([A-Z]{2})(\d{3})(?:[–-](?:[A-Z]{2})?(\d{3}))?/g)) {
    const first = Number(m[2])
    const last = m[3] === undefined ? first : Number(m[3])
    for (let n = first; n <= last; n++) codes.push(`${m[1]}${n}`)
  }
  return codes
}

/** `add_foreign_key / add_reference foreign_key: true` → add_foreign_key, add_reference. */
function strongMigrationsChecks(cell: string): string[] {
  const body = cell.replace(/^MySQL\/MariaDB:\s*/, '').replace(/\([^)]*\)/g, '') // asides may hold commas
  return body
    .split(/\s\/\s|,\s/)
    .map((part) => /^[a-z_]+/.exec(part.trim())?.[0])
    .filter((id): id is string => id !== undefined)
}

describe('docs/db-coverage.md', () => {
  const rows = coverageRows()

  it('has rows for each source', () => {
    for (const source of ['squawk', 'Atlas', 'strong_migrations']) {
      expect(rows.filter((r) => r.source === source).length, source).toBeGreaterThan(10)
    }
  })

  it('names existing rules, or gives a reason, in every rollsafe cell', () => {
    for (const row of rows) {
      const where = `${row.source} ${row.check}`
      expect(row.rollsafe, `${where}: empty rollsafe cell`).not.toBe('')
      const ids = [...row.rollsafe.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)
      if (/^\*not (applicable|detected):/.test(row.rollsafe)) {
        expect(row.rollsafe.replace(/^\*not (applicable|detected):/, '').replace(/\*$/, '').trim(), `${where}: no reason`).not.toBe('')
        continue
      }
      expect(ids.length, `${where}: neither rule ids nor a reason`).toBeGreaterThan(0)
      for (const id of ids) expect(findRule(id)?.area, `${where}: \`${id}\` is not a db rule`).toBe('db')
    }
  })

  it('lists each check once per source', () => {
    const seen = new Set<string>()
    for (const row of rows) {
      const key = `${row.source}\u0000${row.check}`
      expect(seen.has(key), `${row.source} ${row.check} listed twice`).toBe(false)
      seen.add(key)
    }
  })

  describe.skipIf(!existsSync(research))('against the research catalogues', () => {
    if (!existsSync(research)) console.warn(`skipped: ${research} is absent`)
    const text = existsSync(research) ? readFileSync(research, 'utf8') : ''
    const listed = (source: string) => new Set(rows.filter((r) => r.source === source).map((r) => r.check))

    it('has every squawk rule', () => {
      const ids = researchRows(text, 'a').map((c) => /^[a-z0-9-]+/.exec(c[1] ?? '')?.[0] ?? '')
      expect(ids.length).toBeGreaterThanOrEqual(40)
      const missing = ids.filter((id) => !listed('squawk').has(id))
      expect(missing).toEqual([])
    })

    it('has every Atlas code', () => {
      const codes = researchRows(text, 'b').flatMap((c) => atlasCodes(c[0] ?? ''))
      expect(codes).toContain('PG110')
      const missing = codes.filter((code) => !listed('Atlas').has(code))
      expect(missing).toEqual([])
    })

    it('has every strong_migrations check', () => {
      const checks = researchRows(text, 'c').flatMap((c) => strongMigrationsChecks(c[0] ?? ''))
      expect(checks).toContain('add_column_json')
      const missing = checks.filter((id) => !listed('strong_migrations').has(id))
      expect(missing).toEqual([])
    })
  })
})
