import { resolve } from 'node:path'
import { inputError } from '../../core/errors.js'
import { readInputFile } from '../../core/read-input-file.js'
import { analyzeMigrations } from '../../db/analyze.js'
import { readMigrations } from '../../db/layouts/detect-layout.js'
import type { MigrationFile } from '../../db/migration-file.js'
import { initParser, parseSql } from '../../db/parse-sql.js'
import { emptySchema, type SchemaModel } from '../../db/schema-model.js'
import { substituteTemplates, type TemplateVars } from '../../db/templates.js'
import { defaultPlanOptions, type PlanOptions } from './plan.js'
import { renderPlan, type RenderedPlan } from './render-plan.js'
import { splitMigration, type MigrationSplit } from './split-migration.js'

export interface PlanRequest {
  /** The migration: one SQL file (or a folder holding exactly one migration). */
  readonly migration: string
  /** Already-applied migrations (`--history`), replayed for version A's schema. */
  readonly history?: ReadonlyArray<string>
  /** A schema file (`--schema`) the history starts from. */
  readonly schema?: string
  readonly vars?: TemplateVars
  readonly assumeInTransaction?: boolean
  readonly options?: Partial<PlanOptions>
}

export interface BuiltPlan {
  readonly migration: MigrationFile
  readonly options: PlanOptions
  /** Version A's schema (before the migration) and B's (after it). */
  readonly a: SchemaModel
  readonly b: SchemaModel
  readonly split: MigrationSplit
  readonly rendered: RenderedPlan
  /** What builds version A's schema on a scratch database: the schema file, then the history. */
  readonly setup: ReadonlyArray<MigrationFile>
  /** Template placeholders (`--var`), for the set-up files too. */
  readonly vars: TemplateVars
  /** Per alternative folder: the schema after its change alone (it leaves the migration's others out). */
  readonly alternativeEnds: ReadonlyMap<string, SchemaModel>
}

function readSchemaFile(path: string): MigrationFile {
  return { path, text: readInputFile(path), transactional: false }
}

/**
 * `rollsafe plan MIGRATION`: reads the migration like `rollsafe db` does (same history and schema
 * options), finds the changes that need expand/contract, and renders their plan.
 *
 * @example
 * const built = await buildPlan({ migration: 'migrations/004_rename.sql', schema: 'schema.sql' })
 * built.rendered.files.get('PLAN.md')
 */
export async function buildPlan(request: PlanRequest): Promise<BuiltPlan> {
  const options: PlanOptions = { ...defaultPlanOptions, ...request.options }
  const [files, allHistory] = await Promise.all([
    readMigrations([request.migration], request.assumeInTransaction),
    readMigrations(request.history ?? [], request.assumeInTransaction),
  ])
  const migration = files[0]
  if (migration === undefined || files.length !== 1) {
    throw inputError(request.migration, `rollsafe plan takes one migration, this holds ${files.length}: give the earlier ones with --history`)
  }
  const history = allHistory.filter((f) => resolve(f.path) !== resolve(migration.path))
  const schemaFile = request.schema === undefined ? undefined : readSchemaFile(request.schema)
  await initParser()
  const analyze = { pgVersion: options.pgVersion, ...(request.vars ? { vars: request.vars } : {}), ...(request.assumeInTransaction ? { assumeInTransaction: true } : {}) }
  const base = schemaFile === undefined ? emptySchema : analyzeMigrations([], analyze, [schemaFile]).schema
  const a = analyzeMigrations([], analyze, history, base).schema
  const analysis = analyzeMigrations([migration], analyze, [], a)
  const parsed = parseSql(migration.path, substituteTemplates(migration.path, migration.text, request.vars ?? {}))
  const split = splitMigration(parsed, analysis.changes, a, analysis.schema, options)
  const rendered = renderPlan(migration.path, split, options)
  const alternativeEnds = new Map(
    rendered.alternatives.map((alt) => {
      const index = split.plans.find((p) => p.plan === alt.plan)?.index ?? -1
      const text = `${parsed.statements[index]?.text ?? ''};`
      return [alt.dir, analyzeMigrations([{ path: migration.path, text, transactional: false }], analyze, [], a).schema] as const
    }),
  )
  return {
    migration,
    options,
    a,
    b: analysis.schema,
    split,
    rendered,
    setup: [...(schemaFile === undefined ? [] : [schemaFile]), ...history],
    vars: request.vars ?? {},
    alternativeEnds,
  }
}
