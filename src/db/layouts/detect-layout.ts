import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { inputError } from '../../core/errors.js'
import { readInputFile } from '../../core/read-input-file.js'
import type { MigrationFile } from '../migration-file.js'
import { drizzleLayout } from './drizzle.js'
import { flywayLayout } from './flyway.js'
import { golangMigrateLayout, isGolangMigrateUp } from './golang-migrate.js'
import { kyselyLayout, readKyselyMigration } from './kysely/kysely.js'
import type { MigrationLayout } from './migration-layout.js'
import { isNodePgMigrateSql, nodePgMigrateLayout, upSection } from './node-pg-migrate.js'
import { plainLayout } from './plain.js'
import { prismaLayout } from './prisma.js'

/** Most specific first: the first layout whose `detect` accepts a folder reads it. */
export const layouts: ReadonlyArray<MigrationLayout> = [
  drizzleLayout,
  prismaLayout,
  kyselyLayout,
  flywayLayout,
  golangMigrateLayout,
  nodePgMigrateLayout,
  plainLayout,
]

/** The layout of a folder; node-pg-migrate is recognised by the markers inside its first SQL file. */
export async function detectLayout(dir: string): Promise<MigrationLayout | undefined> {
  const entries = readdirSync(dir)
  const found = layouts.find((l) => l.detect(dir, entries))
  if (found === plainLayout) {
    const first = entries.filter((e) => e.endsWith('.sql')).sort()[0]
    if (first !== undefined && isNodePgMigrateSql(readFileSync(join(dir, first), 'utf8'))) return nodePgMigrateLayout
  }
  return found
}

/** A SQL file named on the command line, read: its layout follows from its name and place. */
function sqlFile(path: string, text: string, assumeTransaction: boolean): MigrationFile {
  const name = basename(path)
  if (isNodePgMigrateSql(text)) return { path, text: upSection(text), transactional: true }
  const wrapped =
    assumeTransaction ||
    /^V[\d._]+__/.test(name) ||
    isGolangMigrateUp(name) ||
    (name === 'migration.sql' && /^\d+_/.test(basename(dirname(path)))) ||
    text.includes('--> statement-breakpoint')
  return { path, text, transactional: wrapped }
}

const modulePath = /\.(ts|mts|js|mjs)$/

/** One file named on the command line: its layout follows from its name and place. */
async function readOne(path: string, assumeTransaction: boolean): Promise<MigrationFile> {
  if (modulePath.test(path)) return readKyselyMigration(path)
  return sqlFile(path, readInputFile(path), assumeTransaction)
}

/** A path's stat, or undefined when nothing is there (also when a part of the path is a file: ENOTDIR). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    throw error
  }
}

/** The text of a SQL file, or undefined for anything else (a folder, a module, a path that cannot be read). */
function sqlFileText(path: string): string | undefined {
  if (modulePath.test(path)) return undefined
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * The migrations named on the command line, in order: a file as it is, a folder in its layout's order.
 *
 * @example
 * await readMigrations(['prisma/migrations']) // every <ts>_<name>/migration.sql, transactional
 */
export async function readMigrations(paths: ReadonlyArray<string>, assumeTransaction = false): Promise<MigrationFile[]> {
  const files: MigrationFile[] = []
  for (const path of paths) {
    // Most paths are SQL files (a CI job names hundreds): one read, no stat, no promise each.
    const text = sqlFileText(path)
    if (text !== undefined) {
      files.push(sqlFile(path, text, assumeTransaction))
      continue
    }
    const info = statOf(path)
    if (info === undefined) throw inputError(path, 'no such file or folder')
    if (!info.isDirectory()) {
      files.push(await readOne(path, assumeTransaction))
      continue
    }
    const layout = await detectLayout(path)
    if (layout === undefined) throw inputError(path, 'no migrations found (no .sql files and no known layout)')
    files.push(...(await layout.read(path)))
  }
  return files
}
