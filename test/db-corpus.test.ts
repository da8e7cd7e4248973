import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/core/errors.js'
import { checkDb, checkMigrationFiles } from '../src/db/check-db.js'
import { readMigrations } from '../src/db/layouts/detect-layout.js'

// Every .sql file of ../shared/corpus/migrations goes through the whole static pipeline: the sets in
// their layout's order (temporal in ORDER.txt's), then every file left out of that order on its own.
const root = join(import.meta.dirname, '..')
const corpus = join(root, '..', 'shared', 'corpus', 'migrations')
const present = existsSync(corpus)
if (!present) console.warn(`db corpus tests skipped: ${corpus} is absent`)

const vars = { Namespace: 'auth' }
const options = { today: '2026-01-01', vars }

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sqlFiles(path) : name.endsWith('.sql') ? [path] : []
  })
}

function temporalOrder(): string[] {
  return readFileSync(join(corpus, 'temporal', 'ORDER.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => join(corpus, 'temporal', l.split(/\s+/)[0]!))
}

describe.skipIf(!present)('db corpus', () => {
  const sets = present ? readdirSync(corpus).sort() : []
  for (const set of sets) {
    it(`${set}: every file is analysed without a crash`, async () => {
      const dir = join(corpus, set)
      const ordered = set === 'temporal' ? temporalOrder().filter((f) => existsSync(f)) : [dir]
      const run = await checkDb(ordered, options)
      const inRun = new Set((await readMigrations(ordered)).map((f) => f.path))
      const rest = sqlFiles(dir).filter((f) => !inRun.has(f))
      let alone = 0
      for (const file of rest) {
        try {
          await checkMigrationFiles([{ path: file, text: readFileSync(file, 'utf8'), transactional: false }], options)
          alone++
        } catch (error) {
          // Invalid SQL must be an input error that names the place, never a crash.
          expect(error).toBeInstanceOf(InputError)
          expect((error as Error).message).toMatch(/^[^:]+:\d+:\d+: /)
        }
      }
      expect(inRun.size + rest.length).toBe(sqlFiles(dir).length)
      console.info(`${set}: ${inRun.size} files in order, ${alone} alone; ${run.findings.length} findings`)
      expect(run.findings.every((f) => relative(root, f.location.file).length > 0 && (f.location.line ?? 0) >= 1)).toBe(true)
    })
  }
})
